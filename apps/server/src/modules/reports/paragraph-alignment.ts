// Pairing old and new paragraphs (and lines) in order, by how alike they are.

/** The character bigrams of a text with their counts. */
export function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two texts' character bigrams, 0 … 1. */
export function likeness(a: Map<string, number>, b: Map<string, number>): number {
  let size = 0;
  let shared = 0;
  for (const n of a.values()) size += n;
  for (const [pair, n] of b) {
    size += n;
    shared += Math.min(n, a.get(pair) ?? 0);
  }
  return size === 0 ? 0 : (2 * shared) / size;
}

/** The in-order pairing of rows with columns with the highest total score; negative never pairs. */
export function alignInOrder(
  rows: number,
  cols: number,
  score: (row: number, col: number) => number,
): [number, number][] {
  const scores = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => score(i, j)),
  );
  const best = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  const paired = (i: number, j: number) => {
    const s = scores[i]?.[j] ?? -1;
    return s < 0 ? -1 : s + (best[i + 1]?.[j + 1] ?? 0);
  };
  for (let i = rows - 1; i >= 0; i -= 1)
    for (let j = cols - 1; j >= 0; j -= 1)
      (best[i] as number[])[j] = Math.max(
        best[i + 1]?.[j] ?? 0,
        best[i]?.[j + 1] ?? 0,
        paired(i, j),
      );
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < rows && j < cols;) {
    if (paired(i, j) >= 0 && paired(i, j) === best[i]?.[j]) pairs.push([i++, j++]);
    else if ((best[i + 1]?.[j] ?? 0) >= (best[i]?.[j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return pairs;
}
