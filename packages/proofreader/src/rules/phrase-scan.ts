import type { Facts } from '../facts/facts';
import { phraseKeywords } from '../facts/phrase-keywords';
import type { PhraseKeywords } from '../facts/phrase-keywords';
import { DoubleArrayMatcher } from '../matcher/double-array-matcher';
import type { MatchList } from '../matcher/double-array-matcher';
import { combinedMatcher } from '../terms/compile-terms';
import type { CombinedMatcher } from '../terms/compile-terms';
import type { RuleContext } from './rule-context';

// One scan of the text for the curated phrase lists (see facts/phrase-keywords.ts) and, when
// the organization's term list was compiled with them (compileTerms does), for its terms too.
// Each rule gets its own match list, in the order its own automaton would have reported them
// (by end offset, longest first): filtering the combined scan keeps that order.

/** Matches of the two lists; ids index the typo words and `canonicalTerms` respectively. */
export interface PhraseMatches {
  typo: MatchList;
  canonical: MatchList;
  variantOf: readonly string[];
  canonicalTerms: readonly string[];
  /** The organization's term matches when they came from the same scan, else null. */
  terms: MatchList | null;
}

const matcherCache = new WeakMap<Facts, DoubleArrayMatcher>();

/** An automaton of the phrase keywords alone, for checks without a combined term list. */
function phraseMatcher(facts: Facts): DoubleArrayMatcher {
  let m = matcherCache.get(facts);
  if (!m) {
    m = new DoubleArrayMatcher(phraseKeywords(facts).keywords);
    matcherCache.set(facts, m);
  }
  return m;
}

function matchList(capacity: number): MatchList {
  return {
    count: 0,
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    ids: new Int32Array(capacity),
  };
}

/** Empties `list`, making room for `capacity` matches. */
function reset(list: MatchList, capacity: number): MatchList {
  list.count = 0;
  if (list.starts.length < capacity) Object.assign(list, matchList(capacity));
  return list;
}

function add(list: MatchList, start: number, end: number, id: number): void {
  const k = list.count++;
  list.starts[k] = start;
  list.ends[k] = end;
  list.ids[k] = id;
}

// The raw matches and the term matches, in arrays reused across checks (see scratch.ts); the
// phrase lists handed to the rules are copied out of them.
const ALL_MATCHES = matchList(0);
const TERM_MATCHES = matchList(0);
const PHRASE_MATCHES = matchList(0);

/** The curated phrases (and maybe the organization's terms) in the text, scanned once. */
export function phraseMatches(ctx: RuleContext): PhraseMatches {
  if (ctx.shared.phrases) return ctx.shared.phrases;
  const kw = phraseKeywords(ctx.facts);
  const combined = ctx.terms ? combinedMatcher(ctx.terms, ctx.facts) : null;
  const found = (combined?.matcher ?? phraseMatcher(ctx.facts)).scan(ctx.text, ALL_MATCHES);
  const terms = combined ? reset(TERM_MATCHES, found.count) : null;
  const phrases = reset(PHRASE_MATCHES, found.count);
  if (combined && terms) splitCombined(found, combined, terms, phrases);
  else copyMatches(found, phrases);
  const typo = matchList(phrases.count);
  const canonical = matchList(phrases.count);
  byList(phrases, kw, typo, canonical);
  const m: PhraseMatches = {
    typo,
    canonical,
    variantOf: kw.variantOf,
    canonicalTerms: kw.canonicalTerms,
    terms,
  };
  ctx.shared.phrases = m;
  return m;
}

/** Splits a combined scan into term matches and phrase-keyword matches. */
function splitCombined(
  found: MatchList,
  combined: CombinedMatcher,
  terms: MatchList,
  phrases: MatchList,
): void {
  for (let k = 0; k < found.count; k++) {
    const id = found.ids[k] as number;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    if (id < combined.termCount) add(terms, s, e, id);
    const p = combined.phraseOf[id] as number;
    if (p >= 0) add(phrases, s, e, p);
  }
}

function copyMatches(found: MatchList, into: MatchList): void {
  for (let k = 0; k < found.count; k++) {
    add(into, found.starts[k] as number, found.ends[k] as number, found.ids[k] as number);
  }
}

/** Phrase-keyword matches as typo-word and canonical-variant matches. */
function byList(
  phrases: MatchList,
  kw: PhraseKeywords,
  typo: MatchList,
  canonical: MatchList,
): void {
  for (let k = 0; k < phrases.count; k++) {
    const p = phrases.ids[k] as number;
    const s = phrases.starts[k] as number;
    const e = phrases.ends[k] as number;
    const t = kw.typoOf[p] as number;
    if (t >= 0) add(typo, s, e, t);
    const c = kw.canonicalOf[p] as number;
    if (c >= 0) add(canonical, s, e, c);
  }
}
