import { charTable, isHanCode } from '../text/text-index';
import type { Line } from '../text/text-index';
import type { RuleContext } from './rule-context';

// Mixed 顿号/逗号 inside one series of parallel items, for the punctuation rule.

const SERIES_SEP = charTable('、，');
const SERIES_STOP = charTable('、，。；：！？,;:!?\n');

const DUNHAO = 0x3001; // 、
const COMMA = 0xff0c; // ，

// Items are at most 6 units long: the scans for an item's other end give up after 7.
const MAX_ITEM = 6;

/** Start of the item ending right before `sep` (backwards) — a short Han phrase — or -1. */
function itemBefore(codes: Uint16Array, from: number, sep: number): number {
  let a = sep;
  const limit = Math.max(from, sep - MAX_ITEM - 1);
  while (a > limit && SERIES_STOP[codes[a - 1] as number] === 0) a--;
  return isSeriesItem(codes, a, sep) && (a === from || SERIES_STOP[codes[a - 1] as number] === 1)
    ? a
    : -1;
}

/** End of the item starting right after `sep` (the line ends at `to`), or -1. */
function itemAfter(codes: Uint16Array, to: number, sep: number): number {
  let b = sep + 1;
  const limit = Math.min(to, sep + MAX_ITEM + 2);
  while (b < limit && SERIES_STOP[codes[b] as number] === 0) b++;
  return isSeriesItem(codes, sep + 1, b) && (b === to || SERIES_STOP[codes[b] as number] === 1)
    ? b
    : -1;
}

function isSeriesItem(codes: Uint16Array, a: number, b: number): boolean {
  if (b - a < 2 || b - a > 6) return false;
  for (let i = a; i < b; i++) if (!isHanCode(codes[i] as number)) return false;
  return true;
}

// Scratch lists reused across calls (item starts and separator offsets of the current run,
// at most 100 items): resetting a plain array would reallocate it for every run.
const itemStarts = new Int32Array(128);
const seps = new Int32Array(128);

/** A series of short parallel items joined by 、 with a stray ， (同部署、同落实，同考核). */
export function checkSeries(ctx: RuleContext, line: Line, flaggedAt: Set<number>): void {
  const { codes, marks } = ctx.index;
  const from = line.start;
  const to = from + line.text.length;
  let runEnd = -1;
  // 、 and ， are among the index's marks: visit those instead of every character.
  for (let m = ctx.index.marksFrom(from); m < marks.length && (marks[m] as number) < to; m++) {
    const h = marks[m] as number;
    if (SERIES_SEP[codes[h] as number] === 0 || h < runEnd || hintEnd(codes, h) < 0) continue;
    // Walk left and right from the hint over items separated by 、 or ， (bounded).
    let first = h;
    for (let steps = 0; first > from && steps < 50; steps++) {
      const a = itemBefore(codes, from, first);
      if (a <= from || SERIES_SEP[codes[a - 1] as number] === 0) break;
      first = a - 1;
    }
    let items = 0;
    let sepCount = 0;
    const head = itemBefore(codes, from, first);
    if (head >= 0) itemStarts[items++] = head;
    let sep = first;
    while (sep < to && SERIES_SEP[codes[sep] as number] === 1 && items < 100) {
      const next = itemAfter(codes, to, sep);
      if (next < 0) break;
      seps[sepCount++] = sep;
      itemStarts[items++] = sep + 1;
      sep = next;
    }
    runEnd = sep;
    // Without a head item the first separator only introduces the series.
    const firstSep = head >= 0 ? 0 : Math.min(1, sepCount);
    if (items < 3 || items !== sepCount - firstSep + 1) continue;
    const firstChar = codes[itemStarts[0] as number] as number;
    let same = true;
    for (let k = 1; k < items; k++) if (codes[itemStarts[k] as number] !== firstChar) same = false;
    if (!same) continue;
    let dunhao = false;
    for (let k = firstSep; k < sepCount; k++)
      if (codes[seps[k] as number] === DUNHAO) dunhao = true;
    if (!dunhao) continue;
    for (let k = firstSep; k < sepCount; k++) {
      const p = seps[k] as number;
      if (codes[p] !== COMMA || flaggedAt.has(p)) continue;
      flaggedAt.add(p);
      ctx.findings.add(
        'punctuation',
        'punctuation/series',
        'warning',
        p,
        1,
        '并列词语之间应统一使用顿号“、”',
        '、',
      );
    }
  }
}

/**
 * For a 、 or ， at `i`: the offset of the 、 or ， closing the 2–6 Han characters right after
 * it, or -1 (the lookahead `(?=[HAN]{2,6}[、，])`).
 */
function hintEnd(codes: Uint16Array, i: number): number {
  let k = i + 1;
  while (k - i <= 7 && isHanCode(codes[k] as number)) k++;
  const len = k - i - 1;
  return len >= 2 && len <= 6 && SERIES_SEP[codes[k] as number] === 1 ? k : -1;
}

/** Indices of the lines with a 、 and a ， around 2–6 Han characters (`、…，` or `，…、`). */
export function seriesLines(ctx: RuleContext): number[] {
  const { codes, marks } = ctx.index;
  const out: number[] = [];
  // Every such pair has a 、 (one of the index's marks): look around each one.
  for (let m = 0; m < marks.length; m++) {
    const i = marks[m] as number;
    if (codes[i] !== DUNHAO) continue;
    const e = hintEnd(codes, i);
    let hint = e >= 0 && codes[e] === COMMA;
    if (!hint) {
      // `，[HAN]{2,6}、` ending here: the Han run right before this 、, then a ，.
      let a = i;
      while (i - a < 7 && a > 0 && isHanCode(codes[a - 1] as number)) a--;
      hint = i - a >= 2 && i - a <= 6 && a > 0 && codes[a - 1] === COMMA;
    }
    if (!hint) continue;
    const li = ctx.index.lineAt(i);
    out.push(li);
    // Go on after this line.
    const line = ctx.lines[li] as Line;
    const end = line.start + line.text.length;
    while (m + 1 < marks.length && (marks[m + 1] as number) < end) m++;
  }
  return out;
}
