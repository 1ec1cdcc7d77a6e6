import { describe, expect, it } from 'vitest';
import type { ComposeInput, ReportKind } from '../src/index';
import { composeReport, paragraphText, renderText } from '../src/index';
import { buildAreas, buildComposeInput, buildRequirement } from './factories';
import { inputStrings } from './figure-oracle';
import { allParagraphTexts, sectionText } from './report-text';

const ANNUAL = {
  period: { kind: 'annual' as const, label: '2024年', from: '2024-01-01', to: '2024-12-31' },
  documentDate: '2025-01-10',
};

function inputFor(kind: ReportKind, overrides: Partial<ComposeInput> = {}): ComposeInput {
  const base: Partial<ComposeInput> =
    kind === 'annual-summary' ? ANNUAL : kind === 'topical' ? { topic: { area: '理论学习' } } : {};
  return buildComposeInput({ kind, ...base, ...overrides });
}

const KINDS: ReportKind[] = ['half-year-summary', 'annual-summary', 'selfcheck', 'topical'];

describe('composeReport titles', () => {
  it.each([
    ['half-year-summary', '中共青川市交通运输局党组关于2024年上半年意识形态工作的报告'],
    ['annual-summary', '中共青川市交通运输局党组2024年意识形态工作总结'],
    ['selfcheck', '2024年上半年意识形态工作自查报告'],
    ['topical', '中共青川市交通运输局党组关于2024年上半年理论学习工作情况的专题报告'],
  ] as const)('gives a %s the genre title', (kind, title) => {
    expect(composeReport(inputFor(kind)).title).toBe(title);
  });

  it('uses the theme of a topical report in its title when one is given', () => {
    const report = composeReport(
      inputFor('topical', { topic: { area: '宣传教育', theme: '新闻宣传工作' } }),
    );
    expect(report.title).toBe('中共青川市交通运输局党组关于2024年上半年新闻宣传工作情况的专题报告');
  });
});

describe.each(KINDS)('a composed %s', (kind) => {
  const input = inputFor(kind);
  const report = composeReport(input);
  const text = renderText(report);

  it('has work, problems and plans sections numbered 一、二、三、', () => {
    expect(report.sections.map((s) => [s.number, s.role])).toEqual([
      ['一、', 'work'],
      ['二、', 'problems'],
      ['三、', 'plans'],
    ]);
    expect(report.sections[1]?.heading).toMatch(/^存在的问题/);
    expect(report.sections[2]?.heading).toMatch(/下一步/);
  });

  it('numbers subsections （一）（二）… in order, each led by a topic sentence', () => {
    const subs = report.sections[0]?.subsections ?? [];
    expect(subs.length).toBeGreaterThan(1);
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    subs.forEach((sub, i) => {
      expect(sub.number).toBe(`（${numerals[i]}）`);
      expect(sub.topic).toMatch(/^[^，。]+，[^，。]+。$/);
      expect(sub.paragraphs.length).toBeGreaterThan(0);
    });
  });

  it('opens with the period and ends the opening with the reporting formula', () => {
    const opening = paragraphText(report.opening);
    expect(opening).toMatch(/如下：$/);
    if (kind === 'selfcheck') expect(opening).toMatch(/^根据《[^》]+》要求，.*进行了自查/);
    else expect(opening.startsWith(input.period.label)).toBe(true);
  });

  it('signs with the unit and dates without leading zeros', () => {
    expect(report.signature).toBe('中共青川市交通运输局党组');
    expect(report.dateText).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);
    expect(text.trimEnd().endsWith(report.dateText)).toBe(true);
  });

  it('writes no placeholder, template residue or monitoring language', () => {
    for (const banned of [
      'XX',
      'ＸＸ',
      '某某',
      '重点人员',
      '盯控',
      '删帖',
      '网评员',
      '网络评论员',
      '跟帖',
      '管控',
    ]) {
      expect(text).not.toContain(banned);
    }
    expect(text).not.toMatch(/\d、/);
    expect(text).not.toMatch(/(^|\n)\d+[、.．]/);
  });

  it('leaves no empty sentence or doubled punctuation', () => {
    for (const p of allParagraphTexts(report)) {
      expect(p.length, p).toBeGreaterThan(8);
      expect(p, p).toMatch(/[。：]$/);
      expect(p, p).not.toMatch(/[，。；：、]{2}|（）|“”|《》/);
      expect(p, p).not.toMatch(/(^|[。；：])[，。；]/);
      // Zero appears only as a requirement's actual count, never as an activity "done 0 times".
      expect(p, p).not.toMatch(/(?<!完成)\b0[次项篇条场期个起人]/);
    }
  });

  it('uses full-width punctuation in its own prose', () => {
    const strings = inputStrings(input);
    for (const p of allParagraphTexts(report)) {
      let own = p;
      for (const s of strings) own = own.split(s).join('');
      expect(own, p).not.toMatch(/[,;:?!()]/);
    }
  });

  it('is reproducible: the same input gives the same report', () => {
    expect(composeReport(inputFor(kind))).toEqual(report);
  });
});

describe('存在的问题', () => {
  it('names each missed requirement with its shortfall', () => {
    const report = composeReport(buildComposeInput());
    const problems = sectionText(report, 'problems');
    expect(problems).toContain('一是宣传阵地台账梳理');
    expect(problems).toContain('对照“每半年1次”的要求，本级2024年上半年实际完成0次，未达到要求');
  });

  it('says “本级” only when the unit has subordinates whose work the report also covers', () => {
    const alone = composeReport(buildComposeInput({ subordinates: undefined }));
    expect(sectionText(alone, 'problems')).toContain(
      '对照“每半年1次”的要求，2024年上半年实际完成0次，未达到要求',
    );
    const ownOnly = composeReport(buildComposeInput({ scope: 'unit' }));
    expect(sectionText(ownOnly, 'problems')).not.toContain('本级');
  });

  it('groups the missed sub-periods of one requirement', () => {
    const missed = (periodLabel: string, from: string, to: string) =>
      buildRequirement({
        id: 'req-situation',
        title: '意识形态形势分析研判',
        cadence: '每季度不少于1次',
        actual: 0,
        status: 'missed',
        periodLabel,
        from,
        to,
      });
    const report = composeReport(
      buildComposeInput({
        requirements: [
          missed('2024年第一季度', '2024-01-01', '2024-03-31'),
          missed('2024年第二季度', '2024-04-01', '2024-06-30'),
        ],
      }),
    );
    expect(sectionText(report, 'problems')).toContain(
      '本级2024年第一季度实际完成0次、2024年第二季度实际完成0次，均未达到要求',
    );
  });

  it('reports overdue rectification items with an example and its deadline', () => {
    const problems = sectionText(composeReport(buildComposeInput()), 'problems');
    expect(problems).toContain('仍有1项整改事项超过期限未完成');
    expect(problems).toContain('“机关宣传栏内容更新不及时”（整改期限为2024年5月31日）');
  });

  it('includes the user’s own points after the generated ones, as further ordinals', () => {
    const report = composeReport(buildComposeInput({ problems: ['二是：基层宣传力量较为薄弱'] }));
    const items = (report.sections[1]?.paragraphs ?? []).map(paragraphText);
    const last = items.filter((p) => /^[一二三四五六七八九十]+是/.test(p)).at(-1);
    expect(last).toMatch(/^[一二三四五六七八九十]+是基层宣传力量较为薄弱。$/);
  });

  it('says honestly which areas have no records instead of writing empty sentences', () => {
    const input = buildComposeInput({ channels: undefined, rectification: undefined });
    const report = composeReport(input);
    const work = report.sections[0]?.subsections.map((s) => s.area) ?? [];
    expect(work).not.toContain('阵地管理');
    expect(work).not.toContain('督查考核');
    const problems = sectionText(report, 'problems');
    expect(problems).toMatch(
      /阵地管理、督查考核方面工作存在短板。上半年，台账中尚无上述方面的工作记录。/,
    );
    expect(sectionText(report, 'plans')).toContain('补齐阵地管理工作短板');
  });

  it('adds 原因分析 to an annual summary', () => {
    const report = composeReport(inputFor('annual-summary'));
    expect(report.sections[1]?.heading).toBe('存在的问题及原因分析');
    expect(sectionText(report, 'problems')).toMatch(/究其原因，/);
  });

  it('writes an honest closing remark when the record shows no shortfall', () => {
    const areas = buildAreas().filter((a) => a.groups.length > 1);
    const report = composeReport(
      buildComposeInput({
        areas,
        requirements: [buildRequirement()],
        rectification: undefined,
        problems: [],
        channels: undefined,
      }),
    );
    const problems = sectionText(report, 'problems');
    expect(problems).toContain('各项制度性要求均已按期落实');
    expect(problems).not.toMatch(/一是/);
  });
});

describe('下一步工作打算', () => {
  it('answers the gaps first and keeps the user’s plans', () => {
    const plans = sectionText(composeReport(buildComposeInput()), 'plans');
    expect(plans).toMatch(/^下半年，局党组将/);
    expect(plans).toContain('一是抓好宣传阵地台账梳理');
    expect(plans).toContain('组织开展“学习强国”学习竞赛活动。');
  });

  it('looks ahead to the next year in an annual summary', () => {
    expect(sectionText(composeReport(inputFor('annual-summary')), 'plans')).toMatch(/^2025年，/);
  });

  it('has at least three points even when the record shows no gap', () => {
    const report = composeReport(
      buildComposeInput({
        areas: buildAreas().slice(0, 3),
        requirements: [],
        rectification: undefined,
        plans: [],
      }),
    );
    const points = (report.sections[2]?.paragraphs ?? [])
      .map(paragraphText)
      .filter((p) => /^[一二三四五六]是/.test(p));
    expect(points.length).toBeGreaterThanOrEqual(3);
  });
});

describe('report kinds', () => {
  it('checks a 自查报告 against every framework area, including those with no records', () => {
    const report = composeReport(inputFor('selfcheck', { channels: undefined }));
    const subs = report.sections[0]?.subsections ?? [];
    expect(subs.map((s) => s.area)).toEqual(buildAreas().map((a) => a.area));
    const channels = subs.find((s) => s.area === '阵地管理');
    expect(channels?.paragraphs.map(paragraphText).join('')).toContain(
      '台账中尚无阵地管理方面的工作记录',
    );
    expect(channels?.paragraphs.map(paragraphText).join('')).toContain('对照要求逐项自查：');
  });

  it('names the periods of requirements within the report’s year without the year', () => {
    const half = allParagraphTexts(composeReport(inputFor('selfcheck'))).join('');
    expect(half).toContain(
      '“党委（党组）会专题研究意识形态工作”（每年不少于2次），上半年应完成1次',
    );
    expect(half).toContain('第一季度应完成1次、实际完成1次，第二季度应完成1次');
    expect(half).not.toContain('2024年第一季度应完成');
    // In an annual self-check the whole year is 全年, so parallel requirements do not repeat
    // “2024年应完成1次” clause after clause (the proofreader flags repeated clauses).
    const yearly = (id: string, title: string) =>
      buildRequirement({
        id,
        title,
        cadence: '每年不少于1次',
        required: 1,
        actual: 1,
        periodLabel: '2024年',
        from: '2024-01-01',
        to: '2024-12-31',
      });
    const annual = composeReport(
      inputFor('selfcheck', {
        ...ANNUAL,
        requirements: [yearly('a', '意识形态专题研讨'), yearly('b', '书记讲党课')],
      }),
    );
    const text = allParagraphTexts(annual).join('');
    expect(text).toContain(
      '“意识形态专题研讨”（每年不少于1次），全年应完成1次、实际完成1次，达到要求；',
    );
    expect(text).not.toContain('2024年应完成');
  });

  it('bases a 自查报告 on the named document', () => {
    const report = composeReport(
      inputFor('selfcheck', { basis: '《青川市党委（党组）意识形态工作责任制实施细则》' }),
    );
    expect(paragraphText(report.opening)).toMatch(
      /^根据《青川市党委（党组）意识形态工作责任制实施细则》要求，按照中共青川市委工作部署，/,
    );
  });

  it('splits a 专题报告 by kind of activity within its area', () => {
    const report = composeReport(inputFor('topical'));
    const topics = report.sections[0]?.subsections.map((s) => s.topic) ?? [];
    expect(topics[0]).toMatch(/中心组/);
    expect(sectionText(report, 'work')).not.toContain('刊发');
    expect(sectionText(report, 'problems')).not.toContain('整改');
  });

  it('rejects a 专题报告 on an area that is not in the input', () => {
    expect(() => composeReport(inputFor('topical', { topic: { area: '不存在' } }))).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_TOPIC_AREA' }),
    );
  });

  it('writes a well-formed report for a unit with no records at all', () => {
    const areas = buildAreas().map((a) => ({ ...a, groups: [] }));
    const bare: Partial<ComposeInput> = {
      areas,
      activityTotal: 0,
      requirements: [],
      incidents: undefined,
      rectification: undefined,
      channels: undefined,
      releases: undefined,
      subordinates: undefined,
      problems: [],
      plans: [],
    };
    for (const kind of KINDS) {
      const report = composeReport(inputFor(kind, bare));
      const text = renderText(report);
      expect(text).not.toMatch(/0[次项篇条]/);
      for (const p of allParagraphTexts(report)) expect(p.length).toBeGreaterThan(8);
      expect(text).toContain('台账中尚无');
    }
  });
});

describe('phrasing', () => {
  it('varies between units but never between runs', () => {
    const texts = new Set<string>();
    for (const id of ['u-1', 'u-2', 'u-3', 'u-4', 'u-5', 'u-6']) {
      const input = buildComposeInput({
        unit: { id, name: '中共青川市交通运输局党组', type: '党组', shortName: '局党组' },
      });
      const first = renderText(composeReport(input));
      expect(renderText(composeReport(input))).toBe(first);
      texts.add(first);
    }
    expect(texts.size).toBeGreaterThan(2);
  });

  it('accepts an explicit seed', () => {
    const a = renderText(composeReport(buildComposeInput(), { seed: 'a' }));
    expect(renderText(composeReport(buildComposeInput(), { seed: 'a' }))).toBe(a);
  });

  it('quotes study topics and publication titles with Chinese marks', () => {
    const work = sectionText(composeReport(buildComposeInput()), 'work');
    expect(work).toContain('“习近平总书记关于意识形态工作的重要论述”“全国两会精神”');
    expect(work).toContain('《青川日报》刊发《青川交通：“四好农村路”铺就乡村振兴路》');
    expect(work).toContain('（2024年1月16日、4月2日）');
  });
});
