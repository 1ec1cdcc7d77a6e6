import type { Facts } from './facts';

// The keywords of the curated phrase lists of two rules — misspellings and scrambled canonical
// phrases (typo rule), non-canonical formulations (terminology rule) — for one automaton that
// finds them all in a single scan of the text.

/** The phrase keywords and what each stands for. */
export interface PhraseKeywords {
  /** Distinct keywords, in first-occurrence order. */
  keywords: string[];
  /**
   * Per keyword: the first typo word it stands for, or -1. Typo words are `facts.typos` first,
   * then scrambled variants of canonical phrases.
   */
  typoOf: Int32Array;
  /** Per keyword: the canonical variant it stands for, or -1. */
  canonicalOf: Int32Array;
  /** For typo ids ≥ typos.length: the canonical phrase the variant scrambles. */
  variantOf: string[];
  /** Distinct trimmed variants of `facts.canonical`, in first-occurrence order. */
  canonicalTerms: string[];
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

const cache = new WeakMap<Facts, PhraseKeywords>();

/** The phrase keywords of the facts (computed once per facts). */
export function phraseKeywords(facts: Facts): PhraseKeywords {
  const hit = cache.get(facts);
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
  const t: PhraseKeywords = {
    keywords,
    typoOf: Int32Array.from(typoOf),
    canonicalOf: Int32Array.from(canonicalOf),
    variantOf,
    canonicalTerms,
  };
  cache.set(facts, t);
  return t;
}
