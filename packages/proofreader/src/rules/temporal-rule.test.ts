import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

describe('temporal rule: anniversaries', () => {
  it('flags a wrong ordinal for the document year and suggests the right one', () => {
    const [f] = find('temporal', '今年是新中国成立70周年。', { date: '2024-07-10' });
    expect(f).toMatchObject({
      excerpt: '新中国成立70周年',
      suggestion: '新中国成立75周年',
      severity: 'error',
    });
  });

  it('accepts correct anniversaries for their year, including an explicit earlier year', () => {
    const text = '今年是新中国成立75周年。2021年，隆重庆祝建党100周年。今年是改革开放46周年。';
    expect(excerpts('temporal', text, { date: '2024-07-10' })).toEqual([]);
  });

  it('accepts an upcoming anniversary when the sentence looks forward', () => {
    expect(
      excerpts('temporal', '为迎接建党100周年，组织专题讲座。', { date: '2020-11-20' }),
    ).toEqual([]);
    expect(
      excerpts('temporal', '为迎接建党一百周年，组织专题讲座。', { date: '2020-11-20' }),
    ).toEqual([]);
  });

  it('reads a statement without a year in the year of its section heading', () => {
    const plans =
      '标题\n一、2025年工作情况\n正文。\n三、2026年工作打算\n一是围绕庆祝建党105周年开展活动。';
    expect(excerpts('temporal', plans, { date: '2025-12-18' })).toEqual([]);
    // A plans section without a year speaks of the year after the document's.
    const next = '标题\n三、下一步工作打算\n一是围绕庆祝建党105周年开展活动。';
    expect(excerpts('temporal', next, { date: '2025-12-26' })).toEqual([]);
    // Wrong for both the document's year and the section's, and outside any plans section.
    expect(excerpts('temporal', plans.replace('105', '103'), { date: '2025-12-18' })).toEqual([
      '建党103周年',
    ]);
    const work = '标题\n一、主要工作\n围绕庆祝建党105周年开展活动。';
    expect(excerpts('temporal', work, { date: '2025-12-26' })).toEqual(['建党105周年']);
  });

  it('does not date a statement by the start of a 自…以来 span', () => {
    const text = '自2024年12月启动“红色记忆”工程以来，我们结合纪念抗战胜利80周年，征集史料36份。';
    expect(excerpts('temporal', text, { date: '2025-09-01' })).toEqual([]);
    expect(
      excerpts('temporal', '2024年，结合纪念抗战胜利80周年征集史料。', { date: '2025-09-01' }),
    ).toEqual(['抗战胜利80周年']);
  });

  it('reads the names of speeches, looking back, and the nearest time word', () => {
    expect(
      excerpts(
        'temporal',
        '深入学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话精神。',
        {
          date: '2022-09-15',
        },
      ),
    ).toEqual([]);
    expect(
      excerpts(
        'temporal',
        '在总结2024年工作经验的基础上，今年围绕纪念抗战胜利80周年开展寻访活动。',
        {
          date: '2025-09-30',
        },
      ),
    ).toEqual([]);
    // A 2022 annual summary written in January 2023 looks back on the run-up to the congress.
    const annual =
      '云梦师范学院党委2022年度意识形态工作总结\n2022年，学院党委紧紧围绕迎接党的二十大召开开展工作。';
    expect(excerpts('temporal', annual, { date: '2023-01-12' })).toEqual([]);
    expect(
      excerpts('temporal', '关于工作的报告\n学院党委紧紧围绕迎接党的二十大召开开展工作。', {
        date: '2023-01-12',
      }),
    ).toEqual(['党的二十大']);
    // A month without a year in a January report is last year's, when the period reaches it.
    expect(
      excerpts('temporal', '关于工作的报告\n12月，组织开展了专项排查。', { date: '2025-01-15' }),
    ).toEqual([]);
  });

  it('reads Chinese numerals', () => {
    expect(excerpts('temporal', '今年是建党一百周年。', { date: '2024-07-10' })).toEqual([
      '建党一百周年',
    ]);
  });
});

describe('temporal rule: congresses and plenums', () => {
  it('flags a held congress described as upcoming', () => {
    const [f] = find('temporal', '以实际行动迎接党的二十大胜利召开。', { date: '2024-07-10' });
    expect(f).toMatchObject({ excerpt: '党的二十大', rule: 'temporal/event-as-future' });
  });

  it('accepts a future congress described as future', () => {
    expect(
      excerpts('temporal', '以优异成绩迎接党的二十大胜利召开。', { date: '2022-06-30' }),
    ).toEqual([]);
    expect(
      excerpts('temporal', '以优异成绩迎接党的二十一大胜利召开。', { date: '2026-03-01' }),
    ).toEqual([]);
  });

  it('flags a plenum studied before it was held', () => {
    expect(excerpts('temporal', '学习贯彻二十届三中全会精神。', { date: '2024-06-28' })).toEqual([
      '二十届三中全会',
    ]);
    expect(excerpts('temporal', '学习贯彻二十届三中全会精神。', { date: '2024-08-01' })).toEqual(
      [],
    );
  });

  it('flags an event not yet in the data studied before its predecessor was held', () => {
    expect(excerpts('temporal', '学习贯彻二十届五中全会精神。', { date: '2025-07-01' })).toEqual([
      '二十届五中全会',
    ]);
  });
});

describe('temporal rule: year claims and dates', () => {
  it('flags 今年是“十四五”开局之年 in the wrong year', () => {
    expect(
      excerpts('temporal', '今年是“十四五”规划开局之年。', { date: '2024-07-10' }),
    ).toHaveLength(1);
    expect(excerpts('temporal', '今年是“十四五”规划开局之年。', { date: '2021-07-10' })).toEqual(
      [],
    );
    expect(excerpts('temporal', '今年是“十三五”规划收官之年。', { date: '2020-07-10' })).toEqual(
      [],
    );
  });

  it('flags a date after the document date told as past, not a plan', () => {
    const text = '2024年9月20日，组织开展了专题讲座。\n计划于2024年10月15日召开研判会。';
    expect(excerpts('temporal', text, { date: '2024-07-10' })).toEqual(['2024年9月20日']);
  });

  it('stays silent without a date', () => {
    expect(excerpts('temporal', '今年是新中国成立70周年。', { date: undefined })).toEqual([]);
  });

  it('reads plenums named together by the last of them', () => {
    const text = '学习贯彻党的二十届三中、四中全会精神。';
    expect(excerpts('temporal', text, { date: '2025-07-04' })).toEqual([
      '党的二十届三中、四中全会',
    ]);
    expect(excerpts('temporal', text, { date: '2025-11-04' })).toEqual([]);
  });
});
