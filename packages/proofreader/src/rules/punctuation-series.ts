import type { Finding } from '../types';
import { charTable, HAN, isHanCode } from '../text/text-index';
import type { Line } from '../text/text-index';
import type { RuleContext } from './rule-context';

// Mixed 顿号/逗号 inside one series of parallel items, for the punctuation rule.

const SERIES_SEP = charTable('、，');
const SERIES_STOP = charTable('、，。；：！？,;:!?\n');

/** [start, end) of the item ending right before `sep` (backwards) — a short Han phrase or null. */
function itemBefore(t: string, sep: number): [number, number] | null {
  let a = sep;
  while (a > 0 && SERIES_STOP[t.charCodeAt(a - 1)] === 0) a--;
  return isSeriesItem(t, a, sep) ? [a, sep] : null;
}

function itemAfter(t: string, sep: number): [number, number] | null {
  let b = sep + 1;
  while (b < t.length && SERIES_STOP[t.charCodeAt(b)] === 0) b++;
  return isSeriesItem(t, sep + 1, b) ? [sep + 1, b] : null;
}

function isSeriesItem(t: string, a: number, b: number): boolean {
  if (b - a < 2 || b - a > 6) return false;
  for (let i = a; i < b; i++) if (!isHanCode(t.charCodeAt(i))) return false;
  return true;
}

/** A series of short parallel items joined by 、 with a stray ， (同部署、同落实，同考核). */
export function checkSeries(
  ctx: RuleContext,
  line: Line,
  out: Finding[],
  flaggedAt: Set<number>,
): void {
  const t = line.text;
  let runEnd = -1;
  for (const hint of t.matchAll(SERIES_HINT_LOCAL)) {
    if (hint.index < runEnd) continue;
    // Walk left and right from the hint over items separated by 、 or ， (bounded).
    let first = hint.index;
    for (let steps = 0; first > 0 && steps < 50; steps++) {
      const prev = itemBefore(t, first);
      if (!prev || prev[0] === 0 || SERIES_SEP[t.charCodeAt(prev[0] - 1)] === 0) break;
      first = prev[0] - 1;
    }
    const items: [number, number][] = [];
    const seps: number[] = [];
    const head = itemBefore(t, first);
    if (head) items.push(head);
    let sep = first;
    while (sep < t.length && SERIES_SEP[t.charCodeAt(sep)] === 1 && items.length < 100) {
      const next = itemAfter(t, sep);
      if (!next) break;
      seps.push(sep);
      items.push(next);
      sep = next[1];
    }
    runEnd = sep;
    if (!head) seps.shift();
    if (items.length < 3 || items.length !== seps.length + 1) continue;
    const firstChar = t.charCodeAt((items[0] as [number, number])[0]);
    if (!items.every(([a]) => t.charCodeAt(a) === firstChar)) continue;
    if (!seps.some((p) => t[p] === '、')) continue;
    for (const p of seps) {
      if (t[p] !== '，' || flaggedAt.has(line.start + p)) continue;
      flaggedAt.add(line.start + p);
      out.push(
        ctx.index.finding(
          'punctuation',
          'punctuation/series',
          'warning',
          line.start + p,
          1,
          '并列词语之间应统一使用顿号“、”',
          '、',
        ),
      );
    }
  }
}

const SERIES_HINT_LOCAL = new RegExp(`[、，](?=[${HAN}]{2,6}[、，])`, 'g');
