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
  /**
   * When the organization's terms came from the same scan: all its matches, of which those
   * with an id below `termCount` are term matches (ids index the term entries); else null.
   */
  terms: MatchList | null;
  termCount: number;
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

// The raw matches and the lists made from them, in arrays reused across checks (see
// scratch.ts): the lists are valid during one check.
const ALL_MATCHES = matchList(0);
const TYPO_MATCHES = matchList(0);
const CANONICAL_MATCHES = matchList(0);

/** The curated phrases (and maybe the organization's terms) in the text, scanned once. */
export function phraseMatches(ctx: RuleContext): PhraseMatches {
  if (ctx.shared.phrases) return ctx.shared.phrases;
  const kw = phraseKeywords(ctx.facts);
  const combined = ctx.terms ? combinedMatcher(ctx.terms, ctx.facts) : null;
  const found = (combined?.matcher ?? phraseMatcher(ctx.facts)).scan(ctx.text, ALL_MATCHES);
  const typo = reset(TYPO_MATCHES, found.count);
  const canonical = reset(CANONICAL_MATCHES, found.count);
  if (combined) splitCombined(found, combined, kw, typo, canonical);
  else byList(found, kw, typo, canonical);
  const m: PhraseMatches = {
    typo,
    canonical,
    variantOf: kw.variantOf,
    canonicalTerms: kw.canonicalTerms,
    terms: combined ? found : null,
    termCount: combined?.termCount ?? 0,
  };
  ctx.shared.phrases = m;
  return m;
}

/** The typo-word and canonical-variant matches of a combined scan. */
function splitCombined(
  found: MatchList,
  combined: CombinedMatcher,
  kw: PhraseKeywords,
  typo: MatchList,
  canonical: MatchList,
): void {
  const { phraseOf } = combined;
  for (let k = 0; k < found.count; k++) {
    const p = phraseOf[found.ids[k] as number] as number;
    if (p < 0) continue;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    const t = kw.typoOf[p] as number;
    if (t >= 0) add(typo, s, e, t);
    const c = kw.canonicalOf[p] as number;
    if (c >= 0) add(canonical, s, e, c);
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
