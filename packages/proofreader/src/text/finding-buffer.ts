import { CATEGORIES } from '../types';
import type { Category, Finding, Severity } from '../types';
import { Scratch } from './scratch';
import type { TextIndex } from './text-index';

// Rules report into this buffer instead of allocating Finding objects: a large document
// yields tens of thousands of findings, and objects kept alive while the rules run make every
// young-generation collection copy them. The objects are built once, in sorted order, at the
// end of the check.

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_INDEX: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CATEGORY_INDEX = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));

// Storage reused across checks (see scratch.ts): one buffer is in use at a time, and
// `toFindings` clears the string slots it used.
const OFFSETS = new Scratch((n) => new Int32Array(n));
const LENGTHS = new Scratch((n) => new Int32Array(n));
const KINDS = new Scratch((n) => new Uint8Array(n));
const RULES: (string | undefined)[] = [];
const MESSAGES: (string | undefined)[] = [];
const SUGGESTIONS: (string | undefined)[] = [];
const EXCERPTS: (string | undefined)[] = [];
const KEEP = new Scratch((n) => new Int32Array(n));
const LINES = new Scratch((n) => new Int32Array(n));
const COLUMNS = new Scratch((n) => new Int32Array(n));
const ORDER = new Scratch((n) => new Int32Array(n));
const KEYS = new Scratch((n) => new Float64Array(n));
const LINE_STARTS = new Scratch((n) => new Int32Array(n));

/** Findings reported so far: UTF-16 ranges plus their texts, in report order (one per check). */
export class FindingBuffer {
  private count = 0;
  private offsets = OFFSETS.get(1024);
  private lengths = LENGTHS.get(1024);
  /** Severity index * 16 + category index (both small). */
  private kinds = KINDS.get(1024);
  private readonly rules = RULES;
  private readonly messages = MESSAGES;
  private readonly suggestions = SUGGESTIONS;
  /** The flagged text when the reporter already holds it as a string, else undefined. */
  private readonly excerpts = EXCERPTS;

  private lastCategory: Category | null = null;
  private lastSeverity: Severity | null = null;
  private lastKind = 0;

  constructor(private readonly index: TextIndex) {}

  /**
   * Reports the UTF-16 range [offset, offset + length). `excerpt`, when given, must equal that
   * range of the text (it saves allocating the same string again).
   */
  add(
    category: Category,
    rule: string,
    severity: Severity,
    offset: number,
    length: number,
    message: string,
    suggestion?: string,
    excerpt?: string,
  ): void {
    const k = this.count++;
    if (k === this.offsets.length) this.grow();
    this.offsets[k] = offset;
    this.lengths[k] = length;
    // Rules report in runs of one category and severity: reuse the last lookup.
    if (category !== this.lastCategory || severity !== this.lastSeverity) {
      this.lastCategory = category;
      this.lastSeverity = severity;
      this.lastKind = SEVERITY_INDEX[severity] * 16 + (CATEGORY_INDEX.get(category) ?? 0);
    }
    this.kinds[k] = this.lastKind;
    this.rules[k] = rule;
    this.messages[k] = message;
    this.suggestions[k] = suggestion;
    this.excerpts[k] = excerpt;
  }

  private grow(): void {
    const n = this.offsets.length * 2;
    const { offsets, lengths, kinds } = this;
    this.offsets = OFFSETS.get(n);
    this.offsets.set(offsets);
    this.lengths = LENGTHS.get(n);
    this.lengths.set(lengths);
    this.kinds = KINDS.get(n);
    this.kinds.set(kinds);
  }

  /**
   * The findings of the wanted categories (all when null), sorted by line, column, severity
   * (errors first) and category; ties keep report order.
   */
  toFindings(wanted: ReadonlySet<Category> | null): Finding[] {
    // One loop per function: V8 optimizes a long loop while it runs, and code after it in the
    // same function would then run unoptimized.
    const keep = KEEP.get(this.count);
    const n = this.select(wanted, keep);
    const lines = LINES.get(n);
    const columns = COLUMNS.get(n);
    const keys = KEYS.get(n);
    this.place(keep, n, lines, columns, keys);
    const lineCount = this.index.lines.length;
    const starts = LINE_STARTS.get(2 * lineCount + 1).fill(0, 0, 2 * lineCount + 1);
    const order = byLine(n, lines, lineCount, starts);
    sortWithinLines(order, starts, keys, lineCount);
    const out = this.build(order, keep, lines, columns);
    for (const strings of [this.rules, this.messages, this.suggestions, this.excerpts]) {
      strings.fill(undefined, 0, this.count);
    }
    this.count = 0;
    return out;
  }

  /** Puts the indices of the findings of the wanted categories in `keep`; returns how many. */
  private select(wanted: ReadonlySet<Category> | null, keep: Int32Array): number {
    let n = 0;
    for (let k = 0; k < this.count; k++) {
      const category = CATEGORIES[(this.kinds[k] as number) & 15] as Category;
      if (!wanted || wanted.has(category)) keep[n++] = k;
    }
    return n;
  }

  /**
   * Line (0-based) and column of each kept finding, and its sort key within the line: column,
   * then severity and category (kinds order as severity * 16 + category, below 64).
   */
  private place(
    keep: Int32Array,
    n: number,
    lines: Int32Array,
    columns: Int32Array,
    keys: Float64Array,
  ): void {
    const { index } = this;
    for (let j = 0; j < n; j++) {
      const k = keep[j] as number;
      const offset = this.offsets[k] as number;
      const li = index.lineAt(offset);
      lines[j] = li;
      columns[j] = index.codePointsFrom(li, offset) + 1;
      keys[j] = (columns[j] as number) * 64 + (this.kinds[k] as number);
    }
  }

  /** The Finding objects in `order`. */
  private build(
    order: Int32Array,
    keep: Int32Array,
    lines: Int32Array,
    columns: Int32Array,
  ): Finding[] {
    const { index, kinds } = this;
    const text = index.text;
    const out = new Array<Finding>(order.length);
    for (let r = 0; r < out.length; r++) {
      const j = order[r] as number;
      const k = keep[j] as number;
      const offset = this.offsets[k] as number;
      const length = this.lengths[k] as number;
      const kind = kinds[k] as number;
      const category = CATEGORIES[kind & 15] as Category;
      const rule = this.rules[k] as string;
      const severity = SEVERITIES[kind >> 4] as Severity;
      const line = (lines[j] as number) + 1;
      const column = columns[j] as number;
      const codePoints = index.codePointLength(offset, offset + length);
      const excerpt = this.excerpts[k] ?? text.slice(offset, offset + length);
      const message = this.messages[k] as string;
      const suggestion = this.suggestions[k];
      out[r] = new FindingValue(
        category,
        rule,
        severity,
        line,
        column,
        codePoints,
        excerpt,
        message,
        suggestion,
      );
    }
    return out;
  }
}

/**
 * The findings `j` ordered by line (a counting sort, stable). `starts` (2 * lineCount + 1,
 * zeroed) receives the first slot of each line; its second half counts slots as they fill.
 */
function byLine(n: number, lines: Int32Array, lineCount: number, starts: Int32Array): Int32Array {
  for (let j = 0; j < n; j++) starts[(lines[j] as number) + 1]!++;
  for (let l = 0; l < lineCount; l++) starts[l + 1]! += starts[l] as number;
  const order = ORDER.get(n).subarray(0, n);
  const next = lineCount + 1;
  starts.copyWithin(next, 0, lineCount);
  for (let j = 0; j < n; j++) order[starts[next + (lines[j] as number)]!++] = j;
  return order;
}

/** Sorts each line's slots of `order` by `keys`, stably (insertion sort: a line holds few). */
function sortWithinLines(
  order: Int32Array,
  starts: Int32Array,
  keys: Float64Array,
  lineCount: number,
): void {
  for (let l = 0; l < lineCount; l++) {
    const from = starts[l] as number;
    const to = starts[l + 1] as number;
    if (to - from > 64) {
      const part = Array.from(order.subarray(from, to));
      order.set(
        part.sort((a, b) => (keys[a] as number) - (keys[b] as number)),
        from,
      );
      continue;
    }
    for (let i = from + 1; i < to; i++) {
      const j = order[i] as number;
      const kj = keys[j] as number;
      let h = i - 1;
      while (h >= from && (keys[order[h] as number] as number) > kj) {
        order[h + 1] = order[h] as number;
        h--;
      }
      order[h + 1] = j;
    }
  }
}

/**
 * A finding as returned: made by a constructor, not an object literal, so that V8 allocates
 * it in the young generation (a literal's allocation site gets pretenured once its objects
 * survive, and the findings of a large check do: then every check leaves megabytes of old
 * garbage). Own enumerable properties only, in the contract's order; `suggestion` only when
 * given.
 */
class FindingValue implements Finding {
  declare suggestion?: string;

  constructor(
    public category: Category,
    public rule: string,
    public severity: Severity,
    public line: number,
    public column: number,
    public length: number,
    public excerpt: string,
    public message: string,
    suggestion: string | undefined,
  ) {
    if (suggestion !== undefined) this.suggestion = suggestion;
  }
}
