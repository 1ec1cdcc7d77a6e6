import { describe, expect, it } from 'vitest';
import { compileTerms } from './compile-terms';
import { parseTermsTsv } from './parse-terms-tsv';

describe('parseTermsTsv', () => {
  it('parses rows, skips the header and comments, and accepts Chinese category names', () => {
    const tsv =
      'term\tcategory\tseverity\tsuggestion\tnote\n# comment\n建国\tdiscouraged\tinfo\t新中国成立\t慎用\n某词\t禁用\n';
    const { entries, errors } = parseTermsTsv(tsv);
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      {
        term: '建国',
        category: 'discouraged',
        severity: 'info',
        suggestion: '新中国成立',
        note: '慎用',
      },
      { term: '某词', category: 'forbidden' },
    ]);
  });

  it('reports row errors with line numbers', () => {
    const { errors } = parseTermsTsv('甲\tbad\n\tforbidden\n乙\tforbidden\tfatal');
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3]);
  });

  it('compileTerms keeps the last duplicate and applies default severities', () => {
    const t = compileTerms([
      { term: '甲', category: 'forbidden' },
      { term: ' 甲 ', category: 'discouraged' },
      { term: '', category: 'forbidden' },
    ]);
    expect(t.size).toBe(1);
    expect(t.entries[0]).toMatchObject({
      term: '甲',
      category: 'discouraged',
      severity: 'warning',
    });
  });
});
