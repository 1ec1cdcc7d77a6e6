import { DoubleArrayMatcher } from '../matcher/double-array-matcher';
import type { MatchList } from '../matcher/double-array-matcher';
import type { Severity, TermCategory, TermEntry } from '../types';

/** A term list compiled once into an automaton; pass it to `check` as `options.terms`. */
export interface CompiledTerms {
  readonly entries: readonly TermEntry[];
  readonly size: number;
  /** Approximate bytes held by the automaton. */
  readonly byteLength: number;
  /** All occurrences of all terms, overlaps included (UTF-16 offsets, ids index `entries`). */
  scan(text: string): MatchList;
}

const DEFAULT_SEVERITY: Record<TermCategory, Severity> = {
  forbidden: 'error',
  discouraged: 'warning',
  preferred: 'info',
  canonical: 'info',
};

/** Compiles term entries (10^5 and more) into a reusable matcher; later duplicates win. */
export function compileTerms(entries: readonly TermEntry[]): CompiledTerms {
  const byTerm = new Map<string, TermEntry>();
  for (const e of entries) {
    const term = e.term.trim();
    if (term.length === 0) continue;
    byTerm.set(term, { ...e, term, severity: e.severity ?? DEFAULT_SEVERITY[e.category] });
  }
  const list = [...byTerm.values()];
  const matcher = new DoubleArrayMatcher(list.map((e) => e.term));
  return {
    entries: list,
    size: list.length,
    byteLength: matcher.byteLength,
    scan: (text) => matcher.scan(text),
  };
}
