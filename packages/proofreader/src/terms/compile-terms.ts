import type { Facts } from '../facts/facts';
import { loadFacts } from '../facts/facts';
import { phraseKeywords } from '../facts/phrase-keywords';
import { DoubleArrayMatcher } from '../matcher/double-array-matcher';
import type { MatchList } from '../matcher/double-array-matcher';
import type { Severity, TermCategory, TermEntry } from '../types';

/** A term list compiled once into an automaton; pass it to `check` as `options.terms`. */
export interface CompiledTerms {
  readonly entries: readonly TermEntry[];
  readonly size: number;
  /** Approximate bytes held by the automaton. */
  readonly byteLength: number;
  /**
   * All occurrences of all terms, overlaps included (UTF-16 offsets, ids index `entries`).
   * With `into`, its arrays are reused for the result (which is then `into` itself).
   */
  scan(text: string, into?: MatchList): MatchList;
}

const DEFAULT_SEVERITY: Record<TermCategory, Severity> = {
  forbidden: 'error',
  discouraged: 'warning',
  preferred: 'info',
  canonical: 'info',
};

/**
 * The automaton behind a compiled term list. It also holds the built-in phrase keywords
 * (facts/phrase-keywords.ts), so that a check scans the text once for both.
 */
export interface CombinedMatcher {
  matcher: DoubleArrayMatcher;
  /** Automaton ids below this are terms (indices into `entries`). */
  termCount: number;
  /** Per automaton id: the phrase keyword it is, or -1. */
  phraseOf: Int32Array;
  facts: Facts;
}

const combined = new WeakMap<CompiledTerms, CombinedMatcher>();

/** The combined automaton of a list made by `compileTerms` for these facts, else null. */
export function combinedMatcher(terms: CompiledTerms, facts: Facts): CombinedMatcher | null {
  const c = combined.get(terms);
  return c && c.facts === facts ? c : null;
}

/** Compiles term entries (10^5 and more) into a reusable matcher; later duplicates win. */
export function compileTerms(entries: readonly TermEntry[]): CompiledTerms {
  const byTerm = new Map<string, TermEntry>();
  for (const e of entries) {
    const term = e.term.trim();
    if (term.length === 0) continue;
    byTerm.set(term, { ...e, term, severity: e.severity ?? DEFAULT_SEVERITY[e.category] });
  }
  const list = [...byTerm.values()];
  const facts = loadFacts();
  const phrases = phraseKeywords(facts).keywords;
  // A phrase that is also a term keeps the term's id (the matcher keeps a keyword's first id).
  const termCount = list.length;
  const matcher = new DoubleArrayMatcher([...list.map((e) => e.term), ...phrases]);
  const phraseOf = new Int32Array(termCount + phrases.length).fill(-1);
  const phraseIndex = new Map(phrases.map((p, i) => [p, i]));
  for (let i = 0; i < phrases.length; i++) phraseOf[termCount + i] = i;
  list.forEach((e, i) => {
    const p = phraseIndex.get(e.term);
    if (p !== undefined) phraseOf[i] = p;
  });
  const compiled: CompiledTerms = {
    entries: list,
    size: termCount,
    byteLength: matcher.byteLength,
    scan: (text, into) => matcher.scan(text, into, termCount),
  };
  combined.set(compiled, { matcher, termCount, phraseOf, facts });
  return compiled;
}
