import { describe, expect, it } from 'vitest';
import { check, compileTerms } from '../index';
import { excerpts, find } from '../../test/helpers';
import { orderByComparison, orderByKeys } from './terminology-rule';

describe('terminology rule', () => {
  it('flags non-canonical formulations with the canonical form', () => {
    const f = find('terminology', '学习习总书记讲话，贯彻党中央国务院部署，落实一岗两责。');
    expect(f.map((x) => [x.excerpt, x.suggestion])).toEqual([
      ['习总书记', '习近平总书记'],
      ['党中央国务院', '党中央、国务院'],
      ['一岗两责', '一岗双责'],
    ]);
  });

  it('flags a comma inside the 不忘初心、牢记使命 formulation', () => {
    expect(excerpts('terminology', '推进不忘初心，牢记使命常态化制度化。')).toEqual([
      '不忘初心，牢记使命',
    ]);
    expect(excerpts('terminology', '巩固“不忘初心、牢记使命”主题教育成果。')).toEqual([]);
  });

  it('does not flag the full formulation', () => {
    expect(excerpts('terminology', '深入学习习近平新时代中国特色社会主义思想。')).toEqual([]);
    expect(excerpts('terminology', '学习新时代中国特色社会主义思想。')).toEqual([
      '新时代中国特色社会主义思想',
    ]);
  });

  it('applies an organization term list: forbidden, discouraged, and accepted longer terms', () => {
    const terms = compileTerms([
      { term: '小康', category: 'forbidden', note: '测试' },
      { term: '全面建成小康社会', category: 'canonical' },
      { term: '领导小组长', category: 'discouraged', suggestion: '领导小组组长' },
      { term: '领导小组', category: 'discouraged', suggestion: '工作专班' },
    ]);
    const f = find('terminology', '全面建成小康社会后，小康水平提高；领导小组长讲话。', { terms });
    expect(f.map((x) => [x.excerpt, x.severity, x.suggestion])).toEqual([
      ['小康', 'error', undefined],
      ['领导小组长', 'warning', '领导小组组长'],
    ]);
  });

  it('compiles a list once and reuses it', () => {
    const terms = compileTerms([{ term: '群众', category: 'discouraged', suggestion: '人民群众' }]);
    expect(
      check('服务群众。', { date: '2024-01-01', terms }).findings.some(
        (x) => x.suggestion === '人民群众',
      ),
    ).toBe(true);
    expect(
      check('联系群众。', { date: '2024-01-01', terms }).findings.some(
        (x) => x.suggestion === '人民群众',
      ),
    ).toBe(true);
  });
});

describe('term match order', () => {
  it('is the same by packed keys and by comparisons (the path for very long match lists)', () => {
    let seed = 3;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return Math.floor((seed / 0x80000000) * n);
    };
    let ties = 0;
    for (let round = 0; round < 50; round++) {
      const count = 1 + rnd(300);
      const found = {
        count,
        starts: new Int32Array(count),
        ends: new Int32Array(count),
        ids: new Int32Array(count),
      };
      // Matches by end offset, as a scan reports them; some longer than 63 units.
      let end = 0;
      for (let k = 0; k < count; k++) {
        end += rnd(3);
        const length = 1 + (rnd(10) === 0 ? 60 + rnd(20) : rnd(6));
        found.starts[k] = Math.max(0, end - length);
        found.ends[k] = end;
        found.ids[k] = rnd(12);
      }
      const kinds = Uint8Array.from({ length: 10 }, () => 1 + rnd(2));
      const fast = orderByKeys(found, 10, kinds);
      const slow = orderByComparison(found, 10, kinds);
      expect(Array.from(fast.flagged)).toEqual(Array.from(slow.flagged));
      expect(Array.from(fast.accepted)).toEqual(Array.from(slow.accepted));
      ties += Array.from(fast.flagged).filter(
        (k, i) => i > 0 && found.starts[k] === found.starts[fast.flagged[i - 1] as number],
      ).length;
      expect(fast.flagged.length + fast.accepted.length).toBe(
        Array.from(found.ids).filter((id) => id < 10).length,
      );
    }
    // Matches sharing a start (ordered by length) were among them.
    expect(ties).toBeGreaterThan(20);
  });

  it('leaves the 十九大 theme and titles of documents as they were written', () => {
    expect(
      excerpts(
        'terminology',
        '党的十九大的主题是：不忘初心，牢记使命，高举中国特色社会主义伟大旗帜。',
      ),
    ).toEqual([]);
    expect(excerpts('terminology', '学习《关于建国以来党的若干历史问题的决议》。')).toEqual([]);
    expect(excerpts('terminology', '《决议》指出，建国以来取得了伟大成就。')).toEqual(['建国以来']);
  });
});
