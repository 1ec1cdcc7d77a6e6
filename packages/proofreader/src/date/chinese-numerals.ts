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

// Value of each digit's code unit, -1 for other units.
const DIGIT_OF = new Int8Array(65536).fill(-1);
for (const [ch, d] of Object.entries(DIGITS)) DIGIT_OF[ch.charCodeAt(0)] = d;
const SHI = 0x5341; // 十
const BAI = 0x767e; // 百

function isAsciiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Parses 一 … 九十九 (and 一百…) as well as digit-by-digit years like 二〇二四; NaN if invalid. */
export function parseChineseNumber(s: string): number {
  if (s.length === 0) return NaN;
  if (isAsciiDigits(s)) return Number(s);
  // Digit-by-digit form (years, 二〇二四) unless a 十 or 百 says otherwise.
  let n = 0;
  let total = 0;
  let current = 0;
  let positional = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === BAI || c === SHI) {
      positional = false;
      total += (current || 1) * (c === BAI ? 100 : 10);
      current = 0;
      continue;
    }
    const d = DIGIT_OF[c] as number;
    if (d < 0) return NaN;
    n = n * 10 + d;
    current = d;
  }
  return positional ? n : total + current;
}

/** Chinese-numeral ordinals used in headings: 一 … 九十九. */
export const CN_NUM = '[一二三四五六七八九十百〇零]';
