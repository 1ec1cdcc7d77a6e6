import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

describe('stale rule', () => {
  it('flags a campaign as current work after its window', () => {
    expect(excerpts('stale', '持续深入开展党史学习教育。', { date: '2024-07-10' })).toEqual([
      '党史学习教育',
    ]);
    expect(
      excerpts('stale', '深入开展“不忘初心、牢记使命”主题教育。', { date: '2022-07-10' }),
    ).toEqual(['不忘初心、牢记使命”主题教育']);
  });

  it('accepts campaigns inside their window and retrospective mentions after it', () => {
    expect(excerpts('stale', '扎实开展党纪学习教育。', { date: '2024-07-10' })).toEqual([]);
    expect(excerpts('stale', '推动党史学习教育常态化长效化。', { date: '2024-07-10' })).toEqual([]);
    expect(
      excerpts(
        'stale',
        '巩固拓展主题教育成果，学习贯彻习近平新时代中国特色社会主义思想主题教育成果。',
        { date: '2024-07-10' },
      ),
    ).toEqual([]);
  });

  it('judges an annual report by the year it covers', () => {
    const text = '某中心2021年意识形态工作总结\n扎实开展党史学习教育。\n2022年1月12日';
    expect(excerpts('stale', text, { date: undefined })).toEqual([]);
  });

  it('flags a campaign mentioned before it began as a temporal error', () => {
    const [f] = find('temporal', '启动党纪学习教育。', { date: '2023-06-30' });
    expect(f?.rule).toBe('temporal/campaign-not-started');
  });

  it('flags slogans past their period with a fix where certain', () => {
    const f = find('stale', '坚持以决胜全面建成小康社会为目标，做好新冠肺炎防控。', {
      date: '2023-07-10',
    });
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['决胜全面建成小康社会', '全面建设社会主义现代化国家'],
      ['新冠肺炎', '新冠病毒感染'],
    ]);
    expect(excerpts('stale', '坚持以决胜全面建成小康社会为目标。', { date: '2020-07-10' })).toEqual(
      [],
    );
  });

  it('flags the spirit of a superseded congress', () => {
    expect(excerpts('stale', '认真学习贯彻党的十九大精神。', { date: '2024-07-10' })).toEqual([
      '党的十九大',
    ]);
    expect(
      excerpts('stale', '认真学习贯彻党的十九大精神和十九届四中全会精神。', { date: '2020-07-10' }),
    ).toEqual([]);
  });

  it('flags an older plenum called the latest', () => {
    const [f] = find('stale', '学习最新召开的二十届二中全会精神。', { date: '2024-09-01' });
    expect(f).toBeUndefined();
    const [g] = find('stale', '学习刚刚闭幕的二十届二中全会精神。', { date: '2024-09-01' });
    expect(g).toMatchObject({ excerpt: '二十届二中全会', suggestion: '二十届三中全会' });
  });

  it('accepts a campaign or slogan in a sentence set in its own time or told as history', () => {
    expect(
      excerpts('stale', '2021年，局党组依托党史学习教育建立宣讲队，今年继续开展宣讲18场。', {
        date: '2024-12-20',
      }),
    ).toEqual([]);
    expect(
      excerpts('stale', '党的十八大以来，我国如期打赢脱贫攻坚战，取得了历史性成就。', {
        date: '2025-09-30',
      }),
    ).toEqual([]);
    // Named as this year's work, the ended campaign is still stale.
    expect(excerpts('stale', '2024年，继续深入开展党史学习教育。', { date: '2024-12-20' })).toEqual(
      ['党史学习教育'],
    );
  });
});
