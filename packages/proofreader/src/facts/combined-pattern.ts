/** Several regular expressions as one global alternation, so the text is scanned once. */
export interface CombinedPattern {
  regex: RegExp;
  size: number;
}

/** Combines pattern sources; each becomes the named group `p<index>`. */
export function combinePatterns(sources: readonly string[]): CombinedPattern {
  return {
    regex: new RegExp(sources.map((s, i) => `(?<p${i}>${s})`).join('|'), 'g'),
    size: sources.length,
  };
}

/** Index of the pattern that produced a match of a combined pattern. */
export function whichPattern(m: RegExpMatchArray, size: number): number {
  const g = m.groups;
  if (!g) return -1;
  for (let i = 0; i < size; i++) if (g[`p${i}`] !== undefined) return i;
  return -1;
}
