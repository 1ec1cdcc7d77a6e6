// The ordinals that open headings of an official document: 一、 → （一） → 1. → （1）. Shared by
// the rules that need to know where a heading starts (numbering, and the year a section speaks
// of), so that they agree on what a heading is.

/** Chinese numerals of a heading ordinal. */
export const CN_NUMERAL = '[一二三四五六七八九十]+';

/** Indentation before a heading. */
const INDENT = '^[\\s\\u3000]*';

/**
 * The dot after a `1.`-style ordinal, not the decimal point of `1.5万人`: a digit may follow it
 * only when it starts a date (`1.2025年…`, `1.11月底前…`).
 */
const ARABIC_DOT = '[.．](?!(?!\\d{4}年|\\d{1,2}[月日])\\d)';

/** The ordinal of each level, with its number captured. */
export const HEADING_LEVELS: readonly RegExp[] = [
  new RegExp(`${INDENT}(${CN_NUMERAL})(?:、|[.．](?!\\d))`),
  new RegExp(`${INDENT}[（(](${CN_NUMERAL})[）)]`),
  new RegExp(`${INDENT}(\\d{1,2})(?:${ARABIC_DOT}|、)`),
  new RegExp(`${INDENT}[（(](\\d{1,2})[）)]`),
];

/** Whether a line opens with a heading ordinal of any level. */
export function isHeadingLine(line: string): boolean {
  return HEADING_LEVELS.some((re) => re.test(line));
}
