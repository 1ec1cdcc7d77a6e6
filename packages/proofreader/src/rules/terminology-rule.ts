import type { MatchList } from '../matcher/double-array-matcher';
import type { CompiledTerms } from '../terms/compile-terms';
import { Scratch } from '../text/scratch';
import type { Severity, TermCategory, TermEntry } from '../types';
import { phraseMatches } from './phrase-scan';
import type { RuleContext } from './rule-context';

const RULE_IDS: Record<TermCategory, string> = {
  forbidden: 'terminology/forbidden',
  discouraged: 'terminology/discouraged',
  preferred: 'terminology/preferred',
  canonical: 'terminology/canonical',
};

/** Longest book title looked through, in code units each way. */
const TITLE_REACH = 100;

/** Whether `[s, e)` lies between 《 and 》 (on one line, within TITLE_REACH units). */
function insideBookTitle(text: string, s: number, e: number): boolean {
  let open = false;
  for (let i = s - 1; i >= 0 && i >= s - TITLE_REACH; i--) {
    const c = text[i];
    if (c === '》' || c === '\n') return false;
    if (c === '《') {
      open = true;
      break;
    }
  }
  if (!open) return false;
  for (let i = e; i < text.length && i < e + TITLE_REACH; i++) {
    const c = text[i];
    if (c === '》') return true;
    if (c === '《' || c === '\n') return false;
  }
  return false;
}

/** Canonical official formulations and the organization's own term list. */
export function checkTerminology(ctx: RuleContext): void {
  const { text, facts } = ctx;
  const phrases = phraseMatches(ctx);
  const found = phrases.canonical;
  for (let k = 0; k < found.count; k++) {
    const term = phrases.canonicalTerms[found.ids[k] as number];
    const fact = facts.canonical.find((c) => c.variant === term);
    if (term === undefined || !fact) continue;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    if (fact.notBefore?.includes(text[s - 1] ?? '')) continue;
    if (fact.notAfter?.includes(text[e] ?? '')) continue;
    // A document's title is quoted as it was issued (《关于建国以来党的若干历史问题的决议》).
    if (insideBookTitle(text, s, e)) continue;
    ctx.findings.add(
      'terminology',
      'terminology/canonical',
      fact.severity,
      s,
      e - s,
      `${fact.note}：应为“${fact.canonical}”`,
      fact.canonical,
      term,
    );
  }
  if (ctx.terms) organizationTerms(ctx, ctx.terms);
}

// Working arrays reused across checks (see scratch.ts).
const TERM_MATCHES: MatchList = {
  count: 0,
  starts: new Int32Array(0),
  ends: new Int32Array(0),
  ids: new Int32Array(0),
};
const FLAGGED_KEYS = new Scratch((n) => new Float64Array(n));
const ACCEPTED_KEYS = new Scratch((n) => new Float64Array(n));
const FLAGGED_ORDER = new Scratch((n) => new Int32Array(n));
const ACCEPTED_ORDER = new Scratch((n) => new Int32Array(n));

/**
 * Sorts distinct keys ascending. The scan reports matches by end offset, so keys led by the
 * start offset are nearly sorted already: insertion sort, falling back to the native sort
 * once it has moved more than a few keys per key (overlapping long terms).
 */
function sortNearlySorted(keys: Float64Array): Float64Array {
  let budget = 8 * keys.length + 64;
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as number;
    let j = i - 1;
    if ((keys[j] as number) <= key) continue;
    while (j >= 0 && (keys[j] as number) > key) {
      keys[j + 1] = keys[j] as number;
      j--;
    }
    keys[j + 1] = key;
    budget -= i - j;
    if (budget < 0) return keys.sort();
  }
  return keys;
}

const ACCEPTED = 1;
const FLAGGED = 2;

/** Sort keys hold a match index in their low 21 bits. */
const K = 2 ** 21;

/** The match index of a sort key (exact: the key is an integer below 2^53). */
function low(key: number): number {
  // Cheaper than `key % K`, which is a floating-point remainder.
  return key - Math.floor(key / K) * K;
}

/** What a finding of one entry reports, built on first use. */
interface TermReport {
  rule: string;
  severity: Severity;
  message: string;
  suggestion: string | undefined;
  term: string;
}

/** What the rule needs of each entry, derived once per compiled list (not per text). */
interface TermTables {
  /** Per entry: ACCEPTED (preferred, canonical) or FLAGGED (forbidden, discouraged). */
  kinds: Uint8Array;
  /** Per entry: what its findings report (one object, so one cache miss per finding). */
  reports: (TermReport | undefined)[];
}

const tablesCache = new WeakMap<CompiledTerms, TermTables>();

function termTables(terms: CompiledTerms): TermTables {
  let t = tablesCache.get(terms);
  if (!t) {
    const kinds = Uint8Array.from(terms.entries, (e) =>
      e.category === 'preferred' || e.category === 'canonical' ? ACCEPTED : FLAGGED,
    );
    t = { kinds, reports: new Array<TermReport | undefined>(terms.entries.length).fill(undefined) };
    tablesCache.set(terms, t);
  }
  return t;
}

function termReport(entry: TermEntry): TermReport {
  const what = entry.category === 'forbidden' ? '禁用词' : '不推荐使用的词';
  const note = entry.note ? `（${entry.note}）` : '';
  const hint = entry.suggestion ? `，建议改为“${entry.suggestion}”` : '';
  return {
    rule: RULE_IDS[entry.category],
    severity: entry.severity ?? 'warning',
    message: `${what}“${entry.term}”${note}${hint}`,
    suggestion: entry.suggestion,
    term: entry.term,
  };
}

/**
 * Forbidden/discouraged terms, leftmost-longest and non-overlapping; a match lying inside an
 * occurrence of a longer preferred/canonical term is not reported (e.g. a forbidden 小康 inside
 * an accepted 全面建成小康社会).
 */
function organizationTerms(ctx: RuleContext, terms: CompiledTerms): void {
  // The shared scan's matches include the curated phrases' (ids from `termCount` on).
  const shared = phraseMatches(ctx);
  const found = shared.terms ?? terms.scan(ctx.text, TERM_MATCHES);
  const termCount = shared.terms ? shared.termCount : terms.entries.length;
  const tables = termTables(terms);
  const { flagged, accepted } =
    found.count < K
      ? orderByKeys(found, termCount, tables.kinds)
      : orderByComparison(found, termCount, tables.kinds);
  reportTerms(ctx, terms, tables.reports, found, flagged, accepted);
}

/** Term matches in report order: flagged by start, longest first; accepted by start. */
interface MatchOrder {
  flagged: Int32Array;
  accepted: Int32Array;
}

/** The order by packed numeric keys (fewer than K matches). */
export function orderByKeys(found: MatchList, termCount: number, kinds: Uint8Array): MatchOrder {
  // Each pass is a function of its own: V8 optimizes a long loop while it runs, and code after
  // it in the same function would then run unoptimized.
  const flaggedKeys = FLAGGED_KEYS.get(found.count);
  const acceptedKeys = ACCEPTED_KEYS.get(found.count);
  const counts = sortKeys(found, termCount, kinds, flaggedKeys, acceptedKeys);
  const flagged = sortNearlySorted(flaggedKeys.subarray(0, counts.flagged));
  const accepted = sortNearlySorted(acceptedKeys.subarray(0, counts.accepted));
  return {
    flagged: matchIndices(flagged, FLAGGED_ORDER.get(flagged.length)),
    accepted: matchIndices(accepted, ACCEPTED_ORDER.get(accepted.length)),
  };
}

/** The match indices held by sorted keys. */
function matchIndices(keys: Float64Array, into: Int32Array): Int32Array {
  for (let i = 0; i < keys.length; i++) into[i] = low(keys[i] as number);
  return into.subarray(0, keys.length);
}

/** The same order by comparisons, for lists too long for the packed keys (K matches or more). */
export function orderByComparison(
  found: MatchList,
  termCount: number,
  kinds: Uint8Array,
): MatchOrder {
  const flagged: number[] = [];
  const accepted: number[] = [];
  for (let k = 0; k < found.count; k++) {
    const id = found.ids[k] as number;
    if (id < termCount) (kinds[id] === ACCEPTED ? accepted : flagged).push(k);
  }
  const start = (k: number): number => found.starts[k] as number;
  const rank = (k: number): number => 63 - Math.min(63, (found.ends[k] as number) - start(k));
  flagged.sort((x, y) => start(x) - start(y) || rank(x) - rank(y) || x - y);
  accepted.sort((x, y) => start(x) - start(y) || x - y);
  return { flagged: Int32Array.from(flagged), accepted: Int32Array.from(accepted) };
}

/**
 * Writes the sort keys of the flagged and the accepted term matches (ids below `termCount`).
 * Keys pack (start, longest first for flagged terms, match index) into one double for a
 * native numeric sort.
 */
function sortKeys(
  found: MatchList,
  termCount: number,
  kinds: Uint8Array,
  flagged: Float64Array,
  accepted: Float64Array,
): { flagged: number; accepted: number } {
  let f = 0;
  let a = 0;
  for (let k = 0; k < found.count; k++) {
    const id = found.ids[k] as number;
    if (id >= termCount) continue;
    const s = found.starts[k] as number;
    if (kinds[id] === ACCEPTED) {
      accepted[a++] = s * K + k;
    } else {
      const len = Math.min(63, (found.ends[k] as number) - s);
      flagged[f++] = (s * 64 + (63 - len)) * K + k;
    }
  }
  return { flagged: f, accepted: a };
}

/** Reports the flagged matches, in order, that no longer accepted match covers. */
function reportTerms(
  ctx: RuleContext,
  terms: CompiledTerms,
  reports: (TermReport | undefined)[],
  found: MatchList,
  flagged: Int32Array,
  accepted: Int32Array,
): void {
  let lastEnd = -1;
  let ai = 0;
  // Accepted matches that started at or before the current one, and the furthest they reach.
  let coverStart = -1;
  let coverEnd = -1;
  for (let f = 0; f < flagged.length; f++) {
    const k = flagged[f] as number;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    if (s < lastEnd) continue;
    while (ai < accepted.length && (found.starts[accepted[ai] as number] as number) <= s) {
      const j = accepted[ai] as number;
      const as = found.starts[j] as number;
      const ae = found.ends[j] as number;
      if (ae > coverEnd || (ae === coverEnd && as < coverStart)) {
        coverStart = as;
        coverEnd = ae;
      }
      ai++;
    }
    if (coverStart >= 0 && coverStart <= s && coverEnd >= e && coverEnd - coverStart > e - s)
      continue;
    const id = found.ids[k] as number;
    let report = reports[id];
    if (report === undefined) {
      const entry = terms.entries[id];
      if (!entry) continue;
      reports[id] = report = termReport(entry);
    }
    lastEnd = e;
    ctx.findings.add(
      'terminology',
      report.rule,
      report.severity,
      s,
      e - s,
      report.message,
      report.suggestion,
      report.term,
    );
  }
}
