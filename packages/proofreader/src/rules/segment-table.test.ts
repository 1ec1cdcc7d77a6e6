import { describe, expect, it } from 'vitest';
import { SegmentTable } from './segment-table';

function codesOf(text: string): Uint16Array {
  return Uint16Array.from(text, (c) => c.charCodeAt(0));
}

describe('segment table', () => {
  it('finds the first equal segment across rehashes, whatever the hashes', () => {
    const words = Array.from({ length: 500 }, (_, i) => `段落${i.toString().padStart(4, '0')}`);
    const text = [...words, ...words].join('');
    const codes = codesOf(text);
    const len = (words[0] as string).length;
    const table = new SegmentTable(codes, 4);
    // Few distinct hashes: equality must come from comparing the text.
    const hash = (i: number): number => i % 7;
    for (let i = 0; i < words.length; i++) expect(table.seen(hash(i), i * len, len)).toBe(-1);
    for (let i = 0; i < words.length; i++) {
      expect(table.seen(hash(i), (words.length + i) * len, len)).toBe(i * len);
    }
  });

  it('forgets everything on clear', () => {
    const codes = codesOf('甲乙丙甲乙丙');
    const table = new SegmentTable(codes, 4);
    expect(table.seen(1, 0, 3)).toBe(-1);
    table.clear();
    expect(table.seen(1, 3, 3)).toBe(-1);
    expect(table.seen(1, 0, 3)).toBe(3);
  });
});
