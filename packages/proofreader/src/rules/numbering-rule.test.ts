import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';
import { TextIndex } from '../text/text-index';
import { enumerators } from './numbering-rule';
import type { RuleContext } from './rule-context';

describe('numbering rule', () => {
  it('flags a skipped first-level heading with the expected number', () => {
    const f = find('numbering', '标题\n一、甲\n二、乙\n四、丁');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 4, excerpt: '四', suggestion: '三' });
  });

  it('flags a repeated second-level heading and restarts numbering under a new parent', () => {
    expect(
      excerpts(
        'numbering',
        '标题\n一、甲\n（一）子\n（二）子\n（二）子\n二、乙\n（一）子\n1.孙\n2.孙',
      ),
    ).toEqual(['二']);
  });

  it('flags a higher-level marker used inside a lower level', () => {
    const f = find('numbering', '标题\n一、甲\n1.子\n（一）孙');
    expect(f.map((x) => x.rule)).toEqual(['numbering/level-order']);
  });

  it('accepts the standard hierarchy', () => {
    const text = '标题\n一、甲\n（一）乙\n1.丙\n（1）丁\n（2）丁\n2.丙\n（二）乙\n二、甲';
    expect(excerpts('numbering', text)).toEqual([]);
  });

  it('reads headings that start with a year, and not a decimal, as headings', () => {
    const text =
      '标题\n一、2025年度工作开展情况\n（一）甲\n1.2025年上半年\n2.下半年\n1.5万人次参加答题。\n二、存在的问题';
    expect(excerpts('numbering', text)).toEqual([]);
    // The year-led heading still counts: a gap after it is found.
    expect(excerpts('numbering', '标题\n一、2025年度工作\n三、存在的问题')).toEqual(['三']);
  });

  it('reads 1.11月底前 as a heading and lets a list start again after a lead-in line', () => {
    const text =
      '标题\n会议议定：\n1.11月底前完成方案。\n2.每月巡查1次。\n会议要求：\n1.压实责任。\n2.加强督导。';
    expect(excerpts('numbering', text)).toEqual([]);
    // Without a lead-in line the second 1. is still a repeat.
    expect(excerpts('numbering', '标题\n1.甲。\n2.乙。\n正文。\n1.丙。')).toEqual(['1']);
  });

  it('does not read 一抓到底 as the first of a series', () => {
    expect(
      excerpts(
        'numbering',
        '标题\n一是建立台账；二是明确时限，一抓到底、绝不放过；三是开展回头看。',
      ),
    ).toEqual([]);
  });

  it('flags inconsistent enumerators and gaps in 一是…二是…', () => {
    expect(
      excerpts('numbering', '标题\n存在问题：一是学习不够；二要宣传不足；三是队伍薄弱。'),
    ).toEqual(['二要']);
    expect(excerpts('numbering', '标题\n措施：一是学习；二是宣传；四是培训。')).toEqual(['四']);
  });

  it('does not read 统一是 or 唯一要 as enumerators', () => {
    expect(excerpts('numbering', '标题\n思想统一是前提，二是无关。唯一要求是落实。')).toEqual([]);
  });
});

describe('enumerators', () => {
  it('finds exactly what the enumerator regex finds after a clause break (random texts)', () => {
    const oracle =
      /([一二三四五六七八九十]+)(是|要|则|抓)(?=[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF“])/g;
    const before = ' \t\u3000。；;，,：:！？\n';
    const alphabet = '一二三十十是要则抓“，、。；党委甲 \nX';
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    let found = 0;
    for (let round = 0; round < 300; round++) {
      const length = 1 + Math.floor(rnd() * 60);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(rnd() * alphabet.length)] as string,
      ).join('');
      const expected = [...text.matchAll(oracle)]
        .filter((m) => m.index === 0 || before.includes(text[m.index - 1] as string))
        // 一是一、二是二 is an idiom, not an enumerator.
        .filter((m) => {
          const after = m.index + (m[1] as string).length + 1;
          const again = text.startsWith(m[1] as string, after);
          return !(again && '，、,'.includes(text[after + (m[1] as string).length] ?? ''));
        })
        .map((m) => [m.index, m[1], m[2]]);
      const ctx = { text, index: new TextIndex(text) } as unknown as RuleContext;
      expect(enumerators(ctx).map((e) => [e.at, e.word, e.suffix])).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(50);
  });

  it('reads nested series, measure words and the 一是一、二是二 idiom', () => {
    const nested =
      '标题\n一是健全制度。二是加强防护。三是强化防护，做到一要核实申请；二要配备用品。四是做好公开。';
    expect(excerpts('numbering', nested)).toEqual([]);
    const measure =
      '标题\n一是及时发现。5月12日，一则短视频发布后，专班即上报。二是快速核实。三是权威发布。';
    expect(excerpts('numbering', measure)).toEqual([]);
    const idiom =
      '标题\n一是及时监测。二是快速核实。三是权威发布，一是一、二是二，不回避问题。四是做好引导。';
    expect(excerpts('numbering', idiom)).toEqual([]);
    // A mixed series is still found.
    expect(excerpts('numbering', '标题\n一是学习不够；二要宣传不足；三是队伍薄弱。')).toEqual([
      '二要',
    ]);
  });

  it('reads the 附件 list (附件：1.…… then 2.……) as a list already begun', () => {
    const text = '标题\n正文。\n附件：1.2025年度先进集体名单\n2.先进个人名单';
    expect(excerpts('numbering', text)).toEqual([]);
  });
});
