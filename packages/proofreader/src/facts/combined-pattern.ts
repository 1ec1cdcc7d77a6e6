import { scanPattern } from '../text/pattern-scan';
import type { ScanPattern } from '../text/pattern-scan';
import type { TextIndex } from '../text/text-index';

/** Several regular expressions as one global alternation, so the text is scanned once. */
export interface CombinedPattern {
  pattern: ScanPattern;
  size: number;
}

/** Combines pattern sources; each becomes the named group `p<index>`. */
export function combinePatterns(sources: readonly string[]): CombinedPattern {
  return {
    pattern: scanPattern(new RegExp(sources.map((s, i) => `(?<p${i}>${s})`).join('|'), 'g')),
    size: sources.length,
  };
}

/** Index of the pattern that produced a match of a combined pattern. */
export function whichPattern(m: RegExpMatchArray, size: number): number {
  const g = m.groups;
  if (!g) return -1;
  for (let i = 0; i < size; i++) if (g[`p${i}`] !== undefined) return i;
  return -1;
}

/**
 * Calls `fn(pattern, start, end)` for each match the alternation of `parts` would find (as
 * `matchAll`), in text order, without running the alternation: each pattern is searched on
 * its own and the leftmost match wins, the lowest pattern index on ties — exactly the
 * alternation's choice. Each pattern's next match is kept until the scan passes its start.
 */
export function forEachCombinedMatch(
  index: TextIndex,
  parts: readonly ScanPattern[],
  fn: (pattern: number, start: number, end: number) => void,
): void {
  const n = parts.length;
  // Next match of each pattern: start (-2 = stale, -1 = none left) and end.
  const starts = new Array<number>(n).fill(-2);
  const ends = new Array<number>(n).fill(0);
  let pos = 0;
  while (pos <= index.text.length) {
    let best = -1;
    let bestStart = Infinity;
    for (let i = 0; i < n; i++) {
      let s = starts[i] as number;
      if (s !== -1 && s < pos) {
        const m = index.matchFrom(parts[i] as ScanPattern, pos);
        s = m ? m.index : -1;
        starts[i] = s;
        if (m) ends[i] = m.index + m[0].length;
      }
      if (s >= 0 && s < bestStart) {
        best = i;
        bestStart = s;
      }
    }
    if (best < 0) return;
    const end = ends[best] as number;
    fn(best, bestStart, end);
    // Like matchAll, step past an empty match.
    pos = end === bestStart ? end + 1 : end;
  }
}
