/** A unit of a tree by its materialized path (`/1/5/12/`). */
export interface TreeUnit {
  id: number;
  path: string;
}

/**
 * Per unit, its own counts, except that the columns marked in `summed` hold the sum over the
 * unit and every unit below it in `tree` (a unit missing from `own` counts zero). Pure.
 */
export function sumOverSubtrees(
  tree: readonly TreeUnit[],
  own: ReadonlyMap<number, readonly number[]>,
  summed: readonly boolean[],
): Map<number, number[]> {
  const width = summed.length;
  const idAt = new Map(tree.map((u) => [u.path, u.id]));
  const result = new Map<number, number[]>(
    tree.map((u) => [u.id, [...(own.get(u.id) ?? new Array<number>(width).fill(0))]]),
  );
  // Deepest paths first: a unit is complete before it is added to its parent.
  const deepestFirst = [...tree].sort((a, b) => (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
  for (const unit of deepestFirst) {
    const parentPath = unit.path.slice(0, unit.path.lastIndexOf('/', unit.path.length - 2) + 1);
    const parent = result.get(idAt.get(parentPath) ?? -1);
    const counts = result.get(unit.id);
    if (!parent || !counts) continue;
    for (let k = 0; k < width; k += 1)
      if (summed[k]) parent[k] = (parent[k] ?? 0) + (counts[k] ?? 0);
  }
  return result;
}
