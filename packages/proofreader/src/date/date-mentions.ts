import { Scratch } from '../text/scratch';

// Dates such as 2024年7月10日, 7月10日 or 7月 in a text, for the temporal rule.

/** Fields of a date in `DateMentions` (year -1 and day -1 when not written). */
export const START = 0;
export const END = 1;
export const YEAR = 2;
export const MONTH = 3;
export const DAY = 4;
const FIELDS = 5;

// Working array reused across checks (see scratch.ts).
const DATES = new Scratch((n) => new Int32Array(n));

/** Dates in text order, as rows of five numbers. */
export class DateMentions {
  count = 0;
  private rows = DATES.get(FIELDS * 1024);

  /** Field `field` of date `k`. */
  at(k: number, field: number): number {
    return this.rows[FIELDS * k + field] as number;
  }

  add(start: number, end: number, year: number, month: number, day: number): void {
    if (FIELDS * (this.count + 1) > this.rows.length) {
      const grown = DATES.get(this.rows.length * 2);
      if (grown !== this.rows) grown.set(this.rows);
      this.rows = grown;
    }
    const at = FIELDS * this.count++;
    this.rows[at + START] = start;
    this.rows[at + END] = end;
    this.rows[at + YEAR] = year;
    this.rows[at + MONTH] = month;
    this.rows[at + DAY] = day;
  }
}

const NIAN = 0x5e74; // 年
const RI = 0x65e5; // 日

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function digitsAt(codes: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isDigit(codes[k])) return false;
  return true;
}

function numberAt(codes: Uint16Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) n = n * 10 + (codes[k] as number) - 0x30;
  return n;
}

/**
 * The matches of `(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?` (global, leftmost, greedy), found
 * from the 月 characters instead of trying the regex at every offset.
 */
export function findDates(text: string, codes: Uint16Array): DateMentions {
  const out = new DateMentions();
  let from = 0;
  for (let j = text.indexOf('月'); j >= 0; j = text.indexOf('月', j + 1)) {
    // Earliest start ≥ from whose match ends with this 月 (a start tries 年 first).
    let start: number;
    let monthStart: number;
    if (
      j - 7 >= from &&
      digitsAt(codes, j - 7, j - 3) &&
      codes[j - 3] === NIAN &&
      digitsAt(codes, j - 2, j)
    ) {
      start = j - 7;
      monthStart = j - 2;
    } else if (
      j - 6 >= from &&
      digitsAt(codes, j - 6, j - 2) &&
      codes[j - 2] === NIAN &&
      isDigit(codes[j - 1])
    ) {
      start = j - 6;
      monthStart = j - 1;
    } else if (j - 2 >= from && digitsAt(codes, j - 2, j)) {
      start = j - 2;
      monthStart = j - 2;
    } else if (j - 1 >= from && isDigit(codes[j - 1])) {
      start = j - 1;
      monthStart = j - 1;
    } else continue;
    let end = j + 1;
    let day = -1;
    if (isDigit(codes[j + 1]) && isDigit(codes[j + 2]) && codes[j + 3] === RI) {
      day = numberAt(codes, j + 1, j + 3);
      end = j + 4;
    } else if (isDigit(codes[j + 1]) && codes[j + 2] === RI) {
      day = numberAt(codes, j + 1, j + 2);
      end = j + 3;
    }
    const year = start < monthStart ? numberAt(codes, start, start + 4) : -1;
    out.add(start, end, year, numberAt(codes, monthStart, j), day);
    from = end;
  }
  return out;
}
