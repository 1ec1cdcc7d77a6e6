import { describe, expect, it } from 'vitest';
import type { UnitNode, UnitType } from '../../api/types';
import { countUnitsByType, filterUnitTree, findUnitPath, subtreeIds } from './unit-tree-utils';

function buildUnit(overrides: Partial<UnitNode> & { id: number }): UnitNode {
  return {
    parentId: null,
    name: `单位${overrides.id}`,
    type: '党支部' as UnitType,
    sortOrder: 0,
    children: [],
    ...overrides,
  };
}

const forest: UnitNode[] = [
  buildUnit({
    id: 1,
    name: '青川集团党委',
    type: '党委',
    children: [
      buildUnit({
        id: 2,
        parentId: 1,
        name: '机关党总支',
        type: '党总支',
        children: [buildUnit({ id: 3, parentId: 2, name: '机关第一党支部' })],
      }),
      buildUnit({ id: 4, parentId: 1, name: '物流公司党支部' }),
    ],
  }),
];

describe('filterUnitTree', () => {
  it('keeps matches together with their ancestors and expands those ancestors', () => {
    const result = filterUnitTree(forest, '第一');
    expect(result.matchCount).toBe(1);
    expect(result.nodes[0]?.children.map((n) => n.id)).toEqual([2]);
    expect(result.nodes[0]?.children[0]?.children.map((n) => n.id)).toEqual([3]);
    expect(result.expandedIds.sort()).toEqual([1, 2]);
  });

  it('returns the forest unchanged for an empty keyword', () => {
    expect(filterUnitTree(forest, '  ').nodes).toBe(forest);
  });

  it('returns nothing when no name matches', () => {
    expect(filterUnitTree(forest, '不存在').nodes).toEqual([]);
  });
});

describe('tree lookups', () => {
  it('finds the path from the root to a unit', () => {
    expect(findUnitPath(forest, 3).map((n) => n.id)).toEqual([1, 2, 3]);
    expect(findUnitPath(forest, 99)).toEqual([]);
  });

  it('collects a unit and everything below it', () => {
    const node = findUnitPath(forest, 2).at(-1);
    expect(node && [...subtreeIds(node)].sort()).toEqual([2, 3]);
  });

  it('counts units by type', () => {
    expect(Object.fromEntries(countUnitsByType(forest))).toEqual({ 党委: 1, 党总支: 1, 党支部: 2 });
  });
});
