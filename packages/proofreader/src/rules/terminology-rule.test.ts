import { describe, expect, it } from 'vitest';
import { check, compileTerms } from '../index';
import { excerpts, find } from '../../test/helpers';

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
