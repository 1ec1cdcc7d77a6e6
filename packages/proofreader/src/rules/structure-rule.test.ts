import { describe, expect, it } from 'vitest';
import { find } from '../../test/helpers';
import { inferKind } from './structure-rule';

const FULL = [
  '某局党组关于2024年上半年意识形态工作的报告',
  '一、主要工作',
  '开展学习4次。',
  '二、存在的问题',
  '一是学习不深。',
  '三、下一步工作打算',
  '加强学习。',
  '某局党组',
  '2024年7月10日',
].join('\n');

describe('structure rule', () => {
  it('infers the kind from the title', () => {
    expect(inferKind('某局2024年上半年意识形态工作自查报告\n')).toBe('selfcheck');
    expect(inferKind('某局关于网络意识形态工作的专题报告\n')).toBe('topical');
    expect(inferKind('某局关于2024年上半年意识形态工作的报告\n')).toBe('summary');
    expect(inferKind('会议纪要\n')).toBe('other');
  });

  it('accepts a complete summary', () => {
    expect(find('structure', FULL, { kind: 'summary' })).toEqual([]);
  });

  it('reports missing problems, next steps and signature for a summary', () => {
    const text = '某局党组2024年上半年意识形态工作总结\n一、主要工作\n开展学习4次。';
    expect(find('structure', text, { kind: 'summary' }).map((f) => f.rule)).toEqual([
      'structure/missing-problems',
      'structure/missing-next-steps',
      'structure/missing-signature',
    ]);
  });

  it('does not require a problems section in a topical report', () => {
    const text =
      '某局关于网络阵地管理的专题报告\n一、基本情况\n开展检查。\n某局党组\n2024年7月10日';
    expect(find('structure', text, { kind: 'topical' })).toEqual([]);
  });

  it('reports a missing title at line 1 with zero length', () => {
    const [f] = find('structure', '上半年，局党组开展学习4次，现报告如下。\n正文。', {
      kind: 'other',
    });
    expect(f).toMatchObject({
      rule: 'structure/missing-title',
      line: 1,
      column: 1,
      length: 0,
      excerpt: '',
    });
  });

  it('knows the other ways headings name the problems and plans sections', () => {
    for (const [problems, plans] of [
      ['二、存在的不足', '三、2026年工作思路'],
      ['二、自查发现的主要问题', '三、下一步工作打算'],
      ['二、查摆出的问题', '三、二〇二六年工作计划'],
    ]) {
      const text = FULL.replace('二、存在的问题', problems as string).replace(
        '三、下一步工作打算',
        plans as string,
      );
      expect(find('structure', text, { kind: 'summary' })).toEqual([]);
    }
    // A run-in heading that mentions problems found is not the problems section.
    const runIn =
      '某局党组2024年工作总结\n一、全年组织读书班2期，查摆问题23个，已整改\n某局党组\n2025年1月10日';
    expect(find('structure', runIn, { kind: 'summary' }).map((f) => f.rule)).toEqual([
      'structure/missing-problems',
      'structure/missing-next-steps',
    ]);
  });

  it('accepts 纪要 titles, phrase titles and a title with a —— subtitle', () => {
    for (const text of [
      '县委宣传部联席会议纪要\n正文。',
      '铭记伟大胜利　汲取奋进力量\n同志们：正文。',
      '赓续红色血脉\n——在纪念大会上的宣讲\n正文。',
    ]) {
      expect(find('structure', text, { kind: 'other' })).toEqual([]);
    }
  });

  it('accepts 心得体会 titles and a news headline over its dateline', () => {
    for (const text of [
      '学习贯彻党的二十届四中全会精神心得体会\n正文。',
      '青川市举行纪念活动\n青川融媒讯（记者\u3000宋晓琳）9月3日上午，活动举行。',
    ]) {
      expect(find('structure', text, { kind: 'other' })).toEqual([]);
    }
  });
});
