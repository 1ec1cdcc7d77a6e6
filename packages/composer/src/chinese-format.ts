// Number, date and ordinal formatting per GB/T 15835 and the genre.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1–99: 一, 十, 十一, 二十三. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`numeral out of range: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : (DIGITS[ones] ?? ''));
}

/** `一、` for top-level headings. */
export function sectionNumber(n: number): string {
  return `${chineseNumeral(n)}、`;
}

/** `（一）` for second-level headings. */
export function subsectionNumber(n: number): string {
  return `（${chineseNumeral(n)}）`;
}

/** `一是` … `十是` for enumerations inside a paragraph. */
export function ordinalLead(n: number): string {
  return `${chineseNumeral(n)}是`;
}

/** Rounds to one decimal place, the precision figures are printed with. */
export function roundFigure(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Arabic numerals, at most one decimal, no grouping separators. */
export function formatNumber(value: number): string {
  const rounded = roundFigure(value);
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD`, or null when it is not a calendar date. */
export function parseDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1) return null;
  return probe.getUTCDate() === day ? { year, month, day } : null;
}

function partsOf(value: string): DateParts {
  const parts = parseDate(value);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  return parts;
}

/** `2024-03-28` → `2024年3月28日`. */
export function formatDate(value: string): string {
  const { year, month, day } = partsOf(value);
  return `${year}年${month}月${day}日`;
}

/** Dates in order, the year written only when it changes: `2024年1月16日、4月2日`. */
export function formatDateList(values: readonly string[]): string {
  const sorted = [...values].sort();
  let lastYear = 0;
  return sorted
    .map((value) => {
      const { year, month, day } = partsOf(value);
      const text = year === lastYear ? `${month}月${day}日` : `${year}年${month}月${day}日`;
      lastYear = year;
      return text;
    })
    .join('、');
}

/** Year of a `YYYY-MM-DD` date. */
export function yearOf(value: string): number {
  return partsOf(value).year;
}

/** Month of a `YYYY-MM-DD` date. */
export function monthOf(value: string): number {
  return partsOf(value).month;
}
