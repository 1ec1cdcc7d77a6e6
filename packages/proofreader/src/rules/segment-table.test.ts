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
    // Few distinct hashes (spread over all bits): equality must come from comparing the text.
    const hash = (i: number): number => Math.imul(i % 7, 0x9e3779b1);
    for (let i = 0; i < words.length; i++) expect(table.seen(hash(i), i * len, len)).toBe(-1);
    for (let i = 0; i < words.length; i++) {
      expect(table.seen(hash(i), (words.length + i) * len, len)).toBe(i * len);
    }
  });

  it('returns the tag recorded with the first occurrence', () => {
    const codes = codesOf('甲乙丙甲乙丙甲乙丙');
    const table = new SegmentTable(codes, 4);
    expect(table.seen(1, 0, 3, 7)).toBe(-1);
    expect(table.seen(1, 3, 3, 8)).toBe(0);
    expect(table.tag).toBe(7);
    expect(table.seen(1, 6, 3, 9)).toBe(0);
    expect(table.tag).toBe(7);
  });

  it('tells apart segments whose hashes, fingerprints and lengths agree', () => {
    // Hashes equal in their high 16 bits and in the low bits that pick the slot.
    const codes = codesOf('甲乙丙丁甲乙丙丁');
    const table = new SegmentTable(codes, 4);
    expect(table.seen(0x12340000, 0, 2)).toBe(-1);
    expect(table.seen(0x12340000, 2, 2)).toBe(-1);
    expect(table.seen(0x12340000, 4, 2)).toBe(0);
    expect(table.seen(0x12340000, 6, 2)).toBe(2);
  });
});
