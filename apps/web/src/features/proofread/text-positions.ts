// Positions of findings in the text: the contract counts lines from 1 and columns and lengths
// in Unicode code points; JavaScript strings index UTF-16 code units.
import type { Finding } from './proofread.types';

/** Line breaks as the proofreader sees them (CRLF and CR become LF). */
export function normalizeText(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** UTF-16 offset of the start of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Moves `count` code points forward from a UTF-16 offset. */
function advance(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count && at < text.length; n++) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
  }
  return at;
}

export interface TextRange {
  start: number;
  end: number;
}

/** The UTF-16 range a finding covers (empty for findings of length 0). */
export function findingRange(text: string, starts: readonly number[], f: Finding): TextRange {
  const lineStart = starts[Math.min(Math.max(f.line, 1), starts.length) - 1] ?? 0;
  const start = advance(text, lineStart, Math.max(f.column - 1, 0));
  return { start, end: advance(text, start, f.length) };
}

export interface AppliedSuggestions {
  text: string;
  /** Suggestions written into the text. */
  applied: number;
  /** Suggestions left out: their place was edited since the check, or another one took it. */
  skipped: number;
}

/**
 * The text with the findings' suggestions applied together. A suggestion is applied only where
 * the text still reads the flagged excerpt, and only one per place: of findings whose ranges
 * overlap (or insert at the same point) the first in text order wins. The same change proposed
 * twice (same range, same suggestion) is made once and not counted as skipped.
 */
export function applySuggestions(text: string, findings: readonly Finding[]): AppliedSuggestions {
  const starts = lineStarts(text);
  const edits = findings
    .filter((f) => f.suggestion !== undefined)
    .map((f) => ({ ...findingRange(text, starts, f), f }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: typeof edits = [];
  let skipped = 0;
  for (const edit of edits) {
    const last = accepted[accepted.length - 1];
    if (
      last &&
      last.start === edit.start &&
      last.end === edit.end &&
      last.f.suggestion === edit.f.suggestion
    ) {
      continue;
    }
    const clash = last !== undefined && (edit.start < last.end || edit.start === last.start);
    if (clash || text.slice(edit.start, edit.end) !== edit.f.excerpt) {
      skipped++;
      continue;
    }
    accepted.push(edit);
  }
  let result = '';
  let at = 0;
  for (const edit of accepted) {
    result += text.slice(at, edit.start) + (edit.f.suggestion as string);
    at = edit.end;
  }
  return { text: result + text.slice(at), applied: accepted.length, skipped };
}

/** Code units of context on each side that identify an ignored finding. */
const KEY_CONTEXT = 6;

/**
 * A key per finding that stays the same when the document is checked again after edits
 * elsewhere, even in the same paragraph: the rule, the excerpt, a few characters around it
 * (within its line) and which occurrence of these it is. Used to keep findings the user chose
 * to ignore hidden across checks.
 */
export function findingKeys(text: string, findings: readonly Finding[]): string[] {
  const starts = lineStarts(text);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const { start, end } = findingRange(text, starts, f);
    const lineStart = starts[Math.min(Math.max(f.line, 1), starts.length) - 1] ?? 0;
    const newline = text.indexOf('\n', end);
    const lineEnd = newline === -1 ? text.length : newline;
    const before = text.slice(Math.max(lineStart, start - KEY_CONTEXT), start);
    const after = text.slice(end, Math.min(lineEnd, end + KEY_CONTEXT));
    const base = [f.rule, f.excerpt, before, after].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}

export interface Segment {
  start: number;
  end: number;
  /** Indexes of the findings covering this stretch, in input order. */
  covering: number[];
  /** Findings that start here (anchors for scrolling), including empty ones. */
  starting: number[];
}

/** Splits the text into stretches where the set of covering findings is constant. */
export function buildSegments(textLength: number, ranges: readonly TextRange[]): Segment[] {
  const cuts = new Set<number>([0, textLength]);
  for (const r of ranges) {
    cuts.add(Math.min(r.start, textLength));
    cuts.add(Math.min(r.end, textLength));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let active: { end: number; i: number }[] = [];
  let next = 0;
  for (let p = 0; p < points.length; p++) {
    const at = points[p] as number;
    const starting: number[] = [];
    while (next < byStart.length && (byStart[next] as { start: number }).start <= at) {
      const r = byStart[next] as TextRange & { i: number };
      starting.push(r.i);
      if (r.end > r.start) active.push({ end: r.end, i: r.i });
      next++;
    }
    active = active.filter((a) => a.end > at);
    const end = points[p + 1];
    if (end === undefined) {
      if (starting.length > 0) segments.push({ start: at, end: at, covering: [], starting });
      break;
    }
    segments.push({
      start: at,
      end,
      covering: active.map((a) => a.i).sort((a, b) => a - b),
      starting: starting.sort((a, b) => a - b),
    });
  }
  return segments;
}
