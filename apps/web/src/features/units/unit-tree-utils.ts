import type { Id, UnitNode } from '../../api/types';

/** Depth-first visit of a unit forest. */
export function walkUnits(nodes: UnitNode[], visit: (node: UnitNode, path: UnitNode[]) => void) {
  const go = (list: UnitNode[], path: UnitNode[]) => {
    for (const node of list) {
      visit(node, path);
      go(node.children, [...path, node]);
    }
  };
  go(nodes, []);
}

/** The chain from a root down to the unit (inclusive), or [] when the unit is not visible. */
export function findUnitPath(nodes: UnitNode[], id: Id): UnitNode[] {
  let found: UnitNode[] = [];
  walkUnits(nodes, (node, path) => {
    if (node.id === id) found = [...path, node];
  });
  return found;
}

export function findUnit(nodes: UnitNode[], id: Id): UnitNode | undefined {
  return findUnitPath(nodes, id).at(-1);
}

/** Ids of the unit and all units below it (a unit cannot be moved under its own subtree). */
export function subtreeIds(node: UnitNode): Set<Id> {
  const ids = new Set<Id>([node.id]);
  walkUnits(node.children, (child) => ids.add(child.id));
  return ids;
}

/**
 * Keeps the units whose name contains the keyword, together with their ancestors so they stay
 * reachable in the tree; returns the pruned forest and the ids to expand.
 */
export function filterUnitTree(
  nodes: UnitNode[],
  keyword: string,
): { nodes: UnitNode[]; expandedIds: Id[]; matchCount: number } {
  const needle = keyword.trim().toLowerCase();
  if (!needle) return { nodes, expandedIds: [], matchCount: 0 };
  const expandedIds: Id[] = [];
  let matchCount = 0;
  const prune = (list: UnitNode[]): UnitNode[] => {
    const kept: UnitNode[] = [];
    for (const node of list) {
      const matches = node.name.toLowerCase().includes(needle);
      if (matches) matchCount += 1;
      const children = prune(node.children);
      if (children.length > 0) expandedIds.push(node.id);
      if (matches || children.length > 0) kept.push({ ...node, children });
    }
    return kept;
  };
  return { nodes: prune(nodes), expandedIds, matchCount };
}

/** Counts of units per type, in the canonical order of types. */
export function countUnitsByType(nodes: UnitNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  walkUnits(nodes, (node) => counts.set(node.type, (counts.get(node.type) ?? 0) + 1));
  return counts;
}
