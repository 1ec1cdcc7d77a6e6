import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

describe('duplicate rule', () => {
  it('flags doubled function characters with a fix', () => {
    const [f] = find('duplicate', '发挥宣传工作的的引导作用。');
    expect(f).toMatchObject({ excerpt: '的的', suggestion: '的', severity: 'error' });
  });

  it('keeps legitimate reduplication and cross-word doubles', () => {
    const text =
      '常常学习、人人参与、层层落实、步步推进、天天巡查；学习习近平新时代中国特色社会主义思想；实实在在、的的确确、不了了之；为了了解情况；工作作风明显转变。';
    expect(excerpts('duplicate', text)).toEqual([]);
  });

  it('keeps 在 before a word that starts with 在 (在在建项目, 在在职党员)', () => {
    expect(excerpts('duplicate', '2026年在在建项目中实现全覆盖，在在职党员中开展评议。')).toEqual(
      [],
    );
    expect(excerpts('duplicate', '要在在会上发言。')).toEqual(['在在']);
  });

  it('keeps idiomatic ABAB verb reduplication (研究研究)', () => {
    expect(excerpts('duplicate', '不能遇事就说“研究研究”“商量商量”。')).toEqual([]);
  });

  it('flags a repeated word', () => {
    expect(excerpts('duplicate', '各支部要结合实际结合实际制定计划。')).toEqual(['结合实际']);
  });

  it('does not flag 一步一步 style repetition', () => {
    expect(excerpts('duplicate', '一步一步推进，一个一个落实。')).toEqual([]);
  });

  it('flags a clause repeated inside a paragraph', () => {
    expect(
      excerpts('duplicate', '加强网络阵地管理工作，完善制度，加强网络阵地管理工作，确保安全。'),
    ).toEqual(['加强网络阵地管理工作']);
  });

  it('does not take pieces of different quotations cut at a colon for a repeated clause', () => {
    const text =
      '组织主题党日活动，其中“11月主题党日：安全隐患排查”有12人参加，“12月主题党日：安全隐患排查”有12人参加。';
    expect(excerpts('duplicate', text)).toEqual([]);
    // Outside the quotation marks the same clause twice is still a repeat.
    expect(
      excerpts('duplicate', '开展“安全隐患排查”专项行动，完善制度，开展“安全隐患排查”专项行动。'),
    ).toEqual(['开展“安全隐患排查”专项行动']);
  });

  it('flags a sentence repeated in another paragraph and says where', () => {
    const [f] = find(
      'duplicate',
      '组织开展网络安全宣传周活动三场。\n其他内容。\n组织开展网络安全宣传周活动三场。',
    );
    expect(f).toMatchObject({ line: 3, excerpt: '组织开展网络安全宣传周活动三场' });
    expect(f?.message).toContain('第1行');
  });

  it('keeps words that start with the character before them, and label lines of records', () => {
    const text =
      '并并入总体方案，与与会同志交流，取得了了不起的成绩，进行了了解，人大代表代表人民。';
    expect(excerpts('duplicate', text)).toEqual([]);
    const records = '审核意见：政策表述准确，同意发布\n审核意见：政策表述准确，同意发布';
    expect(excerpts('duplicate', records)).toEqual([]);
    expect(excerpts('duplicate', '对发现的问题了了解清楚。')).toEqual(['了了']);
  });
});
