import { describe, expect, it } from 'vitest';
import { excerpts, find } from '../../test/helpers';

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
