const DIGITS: Record<string, number> = {
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

/** Parses 一 … 九十九 (and 一百…) as well as digit-by-digit years like 二〇二四; NaN if invalid. */
export function parseChineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0) return NaN;
  // Digit-by-digit form (years): 二〇二四
  if (!/[十百]/.test(s)) {
    let n = 0;
    for (const ch of s) {
      const d = DIGITS[ch];
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
      const d = DIGITS[ch];
      if (d === undefined) return NaN;
      current = d;
    }
  }
  return total + current;
}

/** Chinese-numeral ordinals used in headings: 一 … 九十九. */
export const CN_NUM = '[一二三四五六七八九十百〇零]';
