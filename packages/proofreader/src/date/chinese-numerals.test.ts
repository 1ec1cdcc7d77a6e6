import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './chinese-numerals';

/** The straightforward reading, by code points (the reference for the fast one). */
function reference(s: string): number {
  const digits: Record<string, number> = {
    〇: 0,
    零: 0,
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0) return NaN;
  if (!/[十百]/.test(s)) {
    let n = 0;
    for (const ch of s) {
      const d = digits[ch];
      if (d === undefined) return NaN;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const d = digits[ch];
      if (d === undefined) return NaN;
      current = d;
    }
  }
  return total + current;
}

describe('parseChineseNumber', () => {
  it('reads numerals, digit-by-digit years and ASCII digits', () => {
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十一')).toBe(11);
    expect(parseChineseNumber('二十')).toBe(20);
    expect(parseChineseNumber('九十九')).toBe(99);
    expect(parseChineseNumber('一百零三')).toBe(103);
    expect(parseChineseNumber('两')).toBe(2);
    expect(parseChineseNumber('二〇二四')).toBe(2024);
    expect(parseChineseNumber('2024')).toBe(2024);
    expect(parseChineseNumber('')).toBeNaN();
    expect(parseChineseNumber('十x')).toBeNaN();
    expect(parseChineseNumber('二𠀀')).toBeNaN();
  });

  it('agrees with the plain reading on random strings', () => {
    const alphabet = ['一', '二', '两', '三', '九', '十', '百', '〇', '零', '1', '0', 'x', '𠀀'];
    let seed = 11;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 2000; round++) {
      const s = Array.from(
        { length: Math.floor(rnd() * 6) },
        () => alphabet[Math.floor(rnd() * alphabet.length)] as string,
      ).join('');
      expect(parseChineseNumber(s), s).toEqual(reference(s));
    }
  });
});
