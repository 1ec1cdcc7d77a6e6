import type { Facts } from '../facts/facts';
import { compileTerms } from '../terms/compile-terms';
import type { CompiledTerms } from '../terms/compile-terms';
import type { Finding } from '../types';
import type { RuleContext } from './rule-context';

const builtinCache = new WeakMap<Facts, CompiledTerms>();

function builtin(facts: Facts): CompiledTerms {
  let t = builtinCache.get(facts);
  if (!t) {
    t = compileTerms(
      facts.canonical.map((c) => ({
        term: c.variant,
        category: 'discouraged' as const,
        severity: c.severity,
        suggestion: c.canonical,
        note: c.note,
      })),
    );
    builtinCache.set(facts, t);
  }
  return t;
}

/** Canonical official formulations and the organization's own term list. */
export function checkTerminology(ctx: RuleContext): Finding[] {
  const { text, index, facts } = ctx;
  const out: Finding[] = [];
  const canon = builtin(facts);
  const found = canon.scan(text);
  for (let k = 0; k < found.count; k++) {
    const id = found.ids[k] as number;
    const entry = canon.entries[id];
    const fact = facts.canonical.find((c) => c.variant === entry?.term);
    if (!entry || !fact) continue;
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
 * Forbidden/discouraged terms, leftmost-longest and non-overlapping; a match lying inside an
 * occurrence of a longer preferred/canonical term is not reported (e.g. a forbidden 小康 inside
 * an accepted 全面建成小康社会).
 */
function organizationTerms(ctx: RuleContext, terms: CompiledTerms): Finding[] {
  const { index } = ctx;
  const found = terms.scan(ctx.text);
  // Sort keys pack (start, longest first, match index) into one double for a native numeric sort.
  const K = 2 ** 21;
  const flaggedKeys: number[] = [];
  const acceptedKeys: number[] = [];
  for (let k = 0; k < found.count; k++) {
    const entry = terms.entries[found.ids[k] as number];
    if (!entry) continue;
    const s = found.starts[k] as number;
    const len = Math.min(63, (found.ends[k] as number) - s);
    if (entry.category === 'preferred' || entry.category === 'canonical')
      acceptedKeys.push(s * K + k);
    else flaggedKeys.push((s * 64 + (63 - len)) * K + k);
  }
  const flagged = Float64Array.from(flaggedKeys).sort();
  const accepted = Float64Array.from(acceptedKeys).sort();
  const out: Finding[] = [];
  const messages = new Map<number, string>();
  let lastEnd = -1;
  let ai = 0;
  // Accepted matches that started at or before the current one, and the furthest they reach.
  let coverStart = -1;
  let coverEnd = -1;
  for (const key of flagged) {
    const k = key % K;
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
        `terminology/${entry.category}`,
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
