import type { Facts } from '../facts/facts';
import { DoubleArrayMatcher } from '../matcher/double-array-matcher';
import type { MatchList } from '../matcher/double-array-matcher';
import type { TextIndex } from '../text/text-index';
import type { RuleContext } from './rule-context';

// One automaton for the curated phrase lists of two rules — misspellings and scrambled
// canonical phrases (typo rule), non-canonical formulations (terminology rule) — so the text
// is scanned once for both. Each rule gets its own match list, in the order its own
// automaton would have reported them (by end offset, longest first).

interface PhraseTables {
  matcher: DoubleArrayMatcher;
  /**
   * Per keyword of the automaton: the first typo word it stands for, or -1. Typo words are
   * `facts.typos` first, then scrambled variants of canonical phrases.
   */
  typoOf: Int32Array;
  /** Per keyword of the automaton: the canonical variant it stands for, or -1. */
  canonicalOf: Int32Array;
  /** For typo ids ≥ typos.length: the canonical phrase the variant scrambles. */
  variantOf: string[];
  /** Distinct trimmed variants of `facts.canonical`, in first-occurrence order. */
  canonicalTerms: string[];
}

/** Matches of the two lists; ids index the typo words and `canonicalTerms` respectively. */
export interface PhraseMatches {
  typo: MatchList;
  canonical: MatchList;
  variantOf: readonly string[];
  canonicalTerms: readonly string[];
}

/**
 * Scrambled variants of a phrase: two adjacent blocks of 1–4 characters swapped
 * (中国特色 → 特色中国, 意识形态 → 形态意识) and any two characters swapped (形识意态). They
 * join the misspelling automaton, so detecting them costs nothing extra per character of text.
 */
export function scrambledVariants(phrase: string): string[] {
  const chars = [...phrase];
  const n = chars.length;
  const out = new Set<string>();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= Math.min(n - 1, i + 4); j++) {
      for (let k = j + 1; k <= Math.min(n, j + 4); k++) {
        out.add(
          [
            ...chars.slice(0, i),
            ...chars.slice(j, k),
            ...chars.slice(i, j),
            ...chars.slice(k),
          ].join(''),
        );
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (chars[i] === chars[j]) continue;
      const c = [...chars];
      [c[i], c[j]] = [c[j] as string, c[i] as string];
      out.add(c.join(''));
    }
  }
  out.delete(phrase);
  return [...out];
}

const tablesCache = new WeakMap<Facts, PhraseTables>();

function tables(facts: Facts): PhraseTables {
  const hit = tablesCache.get(facts);
  if (hit) return hit;
  const typoWords = facts.typos.map((x) => x.wrong);
  const variantOf: string[] = [];
  const canonical = new Set(facts.scramble);
  for (const p of facts.scramble) {
    for (const v of scrambledVariants(p)) {
      if (canonical.has(v)) continue;
      typoWords.push(v);
      variantOf.push(p);
    }
  }
  // Like compileTerms: trimmed, empty ones dropped, one entry per distinct term.
  const canonicalTerms = [
    ...new Set(facts.canonical.map((c) => c.variant.trim()).filter((t) => t.length > 0)),
  ];
  // Distinct keywords; a keyword listed twice keeps its first typo id, as the matcher would.
  const keywordIndex = new Map<string, number>();
  const keywords: string[] = [];
  const typoOf: number[] = [];
  const canonicalOf: number[] = [];
  const keywordFor = (w: string): number => {
    let k = keywordIndex.get(w);
    if (k === undefined) {
      k = keywords.length;
      keywordIndex.set(w, k);
      keywords.push(w);
      typoOf.push(-1);
      canonicalOf.push(-1);
    }
    return k;
  };
  typoWords.forEach((w, i) => {
    if (w.length === 0) return;
    const k = keywordFor(w);
    if (typoOf[k] === -1) typoOf[k] = i;
  });
  canonicalTerms.forEach((w, i) => {
    canonicalOf[keywordFor(w)] = i;
  });
  const t: PhraseTables = {
    matcher: new DoubleArrayMatcher(keywords),
    typoOf: Int32Array.from(typoOf),
    canonicalOf: Int32Array.from(canonicalOf),
    variantOf,
    canonicalTerms,
  };
  tablesCache.set(facts, t);
  return t;
}

function matchList(capacity: number): MatchList {
  return {
    count: 0,
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    ids: new Int32Array(capacity),
  };
}

function add(list: MatchList, start: number, end: number, id: number): void {
  const k = list.count++;
  list.starts[k] = start;
  list.ends[k] = end;
  list.ids[k] = id;
}

const matchesCache = new WeakMap<TextIndex, PhraseMatches>();

/** The curated phrases found in the checked text (scanned once per check). */
export function phraseMatches(ctx: RuleContext): PhraseMatches {
  const hit = matchesCache.get(ctx.index);
  if (hit) return hit;
  const tb = tables(ctx.facts);
  const found = tb.matcher.scan(ctx.text);
  const typo = matchList(found.count);
  const canonical = matchList(found.count);
  for (let k = 0; k < found.count; k++) {
    const id = found.ids[k] as number;
    const s = found.starts[k] as number;
    const e = found.ends[k] as number;
    const t = tb.typoOf[id] as number;
    if (t >= 0) add(typo, s, e, t);
    const c = tb.canonicalOf[id] as number;
    if (c >= 0) add(canonical, s, e, c);
  }
  const m: PhraseMatches = {
    typo,
    canonical,
    variantOf: tb.variantOf,
    canonicalTerms: tb.canonicalTerms,
  };
  matchesCache.set(ctx.index, m);
  return m;
}
