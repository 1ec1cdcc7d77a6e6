import type { UnitWithCounts } from './units.repository';
import type { UnitDto, UnitNode } from './units.schema';
import type { UnitRow } from '../../db/schema';

export function presentUnit(row: UnitWithCounts): UnitDto {
  return {
    id: row.id,
    parentId: row.parent_id,
    parentName: row.parent_name,
    name: row.name,
    type: row.type,
    sortOrder: row.sort_order,
    remark: row.remark,
    version: row.version,
    peopleCount: row.people_count,
    childCount: row.child_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Builds the visible forest: a unit whose parent is not visible becomes a root. */
export function buildUnitForest(
  rows: Pick<UnitRow, 'id' | 'parent_id' | 'name' | 'type' | 'sort_order'>[],
): UnitNode[] {
  const nodes = new Map<number, UnitNode>();
  for (const row of rows) {
    nodes.set(row.id, {
      id: row.id,
      parentId: row.parent_id,
      name: row.name,
      type: row.type,
      sortOrder: row.sort_order,
      children: [],
    });
  }
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The unit fields the operation log keeps as before/after. */
export function unitSnapshot(
  row: Pick<UnitRow, 'id' | 'parent_id' | 'name' | 'type' | 'sort_order' | 'remark' | 'version'>,
) {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    type: row.type,
    sortOrder: row.sort_order,
    remark: row.remark,
    version: row.version,
  };
}
