import type { MatchList } from '../matcher/double-array-matcher';
import type { CompiledTerms } from '../terms/compile-terms';
import { Scratch } from '../text/scratch';
import type { TermCategory } from '../types';
import { phraseMatches } from './phrase-scan';
import type { RuleContext } from './rule-context';

const RULE_IDS: Record<TermCategory, string> = {
  forbidden: 'terminology/forbidden',
  discouraged: 'terminology/discouraged',
  preferred: 'terminology/preferred',
  canonical: 'terminology/canonical',
};

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

/** What the rule needs of each entry, derived once per compiled list (not per text). */
interface TermTables {
  /** Per entry: ACCEPTED (preferred, canonical) or FLAGGED (forbidden, discouraged). */
  kinds: Uint8Array;
  /** Per entry: its finding message, built on first use. */
  messages: (string | undefined)[];
}

const tablesCache = new WeakMap<CompiledTerms, TermTables>();

function termTables(terms: CompiledTerms): TermTables {
  let t = tablesCache.get(terms);
  if (!t) {
    const kinds = Uint8Array.from(terms.entries, (e) =>
      e.category === 'preferred' || e.category === 'canonical' ? ACCEPTED : FLAGGED,
    );
    t = { kinds, messages: new Array<string | undefined>(terms.entries.length).fill(undefined) };
    tablesCache.set(terms, t);
  }
  return t;
}

/**
 * Forbidden/discouraged terms, leftmost-longest and non-overlapping; a match lying inside an
 * occurrence of a longer preferred/canonical term is not reported (e.g. a forbidden 小康 inside
 * an accepted 全面建成小康社会).
 */
function organizationTerms(ctx: RuleContext, terms: CompiledTerms): void {
  const found = phraseMatches(ctx).terms ?? terms.scan(ctx.text, TERM_MATCHES);
  const tables = termTables(terms);
  // Each pass is a function of its own: V8 optimizes a long loop while it runs, and code after
  // it in the same function would then run unoptimized.
  const flaggedKeys = FLAGGED_KEYS.get(found.count);
  const acceptedKeys = ACCEPTED_KEYS.get(found.count);
  const flaggedCount = sortKeys(found, tables.kinds, FLAGGED, flaggedKeys);
  const acceptedCount = sortKeys(found, tables.kinds, ACCEPTED, acceptedKeys);
  const flagged = sortNearlySorted(flaggedKeys.subarray(0, flaggedCount));
  const accepted = sortNearlySorted(acceptedKeys.subarray(0, acceptedCount));
  reportTerms(ctx, terms, tables.messages, found, flagged, accepted);
}

/**
 * Writes the sort keys of the matches of entries of `kind` to `keys`; returns how many. Keys
 * pack (start, longest first for flagged terms, match index) into one double for a native
 * numeric sort.
 */
function sortKeys(found: MatchList, kinds: Uint8Array, kind: number, keys: Float64Array): number {
  let count = 0;
  for (let k = 0; k < found.count; k++) {
    if (kinds[found.ids[k] as number] !== kind) continue;
    const s = found.starts[k] as number;
    const len = Math.min(63, (found.ends[k] as number) - s);
    keys[count++] = kind === ACCEPTED ? s * K + k : (s * 64 + (63 - len)) * K + k;
  }
  return count;
}

/** Reports the flagged matches, in key order, that no longer accepted match covers. */
function reportTerms(
  ctx: RuleContext,
  terms: CompiledTerms,
  messages: (string | undefined)[],
  found: MatchList,
  flagged: Float64Array,
  accepted: Float64Array,
): void {
  let lastEnd = -1;
  let ai = 0;
  // Accepted matches that started at or before the current one, and the furthest they reach.
  let coverStart = -1;
  let coverEnd = -1;
  for (let f = 0; f < flagged.length; f++) {
    const k = low(flagged[f] as number);
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    if (s < lastEnd) continue;
    while (ai < accepted.length && Math.floor((accepted[ai] as number) / K) <= s) {
      const j = low(accepted[ai] as number);
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
    const entry = terms.entries[id];
    if (!entry) continue;
    lastEnd = e;
    let message = messages[id];
    if (message === undefined) {
      const what = entry.category === 'forbidden' ? '禁用词' : '不推荐使用的词';
      const note = entry.note ? `（${entry.note}）` : '';
      const hint = entry.suggestion ? `，建议改为“${entry.suggestion}”` : '';
      message = `${what}“${entry.term}”${note}${hint}`;
      messages[id] = message;
    }
    ctx.findings.add(
      'terminology',
      RULE_IDS[entry.category],
      entry.severity ?? 'warning',
      s,
      e - s,
      message,
      entry.suggestion,
      entry.term,
    );
  }
}
