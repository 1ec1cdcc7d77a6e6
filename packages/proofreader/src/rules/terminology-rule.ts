import type { CompiledTerms } from '../terms/compile-terms';
import type { Finding, TermCategory } from '../types';
import { phraseMatches } from './phrase-scan';
import type { RuleContext } from './rule-context';

const RULE_IDS: Record<TermCategory, string> = {
  forbidden: 'terminology/forbidden',
  discouraged: 'terminology/discouraged',
  preferred: 'terminology/preferred',
  canonical: 'terminology/canonical',
};

/** Canonical official formulations and the organization's own term list. */
export function checkTerminology(ctx: RuleContext): Finding[] {
  const { text, index, facts } = ctx;
  const out: Finding[] = [];
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
    out.push(
      index.finding(
        'terminology',
        'terminology/canonical',
        fact.severity,
        s,
        e - s,
        `${fact.note}：应为“${fact.canonical}”`,
        fact.canonical,
      ),
    );
  }
  if (ctx.terms) for (const f of organizationTerms(ctx, ctx.terms)) out.push(f);
  return out;
}

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

/**
 * Forbidden/discouraged terms, leftmost-longest and non-overlapping; a match lying inside an
 * occurrence of a longer preferred/canonical term is not reported (e.g. a forbidden 小康 inside
 * an accepted 全面建成小康社会).
 */
function organizationTerms(ctx: RuleContext, terms: CompiledTerms): Finding[] {
  const { index } = ctx;
  const found = terms.scan(ctx.text);
  // Sort keys pack (start, longest first, match index) into one double for a native numeric sort.
  const K = 2 ** 21;
  const flaggedKeys = new Float64Array(found.count);
  const acceptedKeys = new Float64Array(found.count);
  let flaggedCount = 0;
  let acceptedCount = 0;
  for (let k = 0; k < found.count; k++) {
    const entry = terms.entries[found.ids[k] as number];
    if (!entry) continue;
    const s = found.starts[k] as number;
    const len = Math.min(63, (found.ends[k] as number) - s);
    if (entry.category === 'preferred' || entry.category === 'canonical')
      acceptedKeys[acceptedCount++] = s * K + k;
    else flaggedKeys[flaggedCount++] = (s * 64 + (63 - len)) * K + k;
  }
  const flagged = sortNearlySorted(flaggedKeys.subarray(0, flaggedCount));
  const accepted = sortNearlySorted(acceptedKeys.subarray(0, acceptedCount));
  const out: Finding[] = [];
  const messages = new Map<number, string>();
  let lastEnd = -1;
  let ai = 0;
  // Accepted matches that started at or before the current one, and the furthest they reach.
  let coverStart = -1;
  let coverEnd = -1;
  for (let f = 0; f < flagged.length; f++) {
    const k = (flagged[f] as number) % K;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    if (s < lastEnd) continue;
    while (ai < accepted.length && Math.floor((accepted[ai] as number) / K) <= s) {
      const j = (accepted[ai] as number) % K;
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
    let message = messages.get(id);
    if (message === undefined) {
      const what = entry.category === 'forbidden' ? '禁用词' : '不推荐使用的词';
      const note = entry.note ? `（${entry.note}）` : '';
      const hint = entry.suggestion ? `，建议改为“${entry.suggestion}”` : '';
      message = `${what}“${entry.term}”${note}${hint}`;
      messages.set(id, message);
    }
    out.push(
      index.finding(
        'terminology',
        RULE_IDS[entry.category],
        entry.severity ?? 'warning',
        s,
        e - s,
        message,
        entry.suggestion,
      ),
    );
  }
  return out;
}
