import type { Grant } from '../access/grants';
import { parseStringArray } from '../../shared/json-column';
import type { RoleRow } from '../../db/schema';
import type { DataScope } from '../access/data-scope';
import { dataScopes } from '../access/data-scope';
import type { RoleDto } from './roles.schema';

/** A stored data scope; anything unrecognised is read as the narrowest, `self`. */
export function roleDataScope(row: Pick<RoleRow, 'data_scope'>): DataScope {
  return (dataScopes as readonly string[]).includes(row.data_scope)
    ? (row.data_scope as DataScope)
    : 'self';
}

export function presentRole(row: RoleRow, userCount: number): RoleDto {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    dataScope: roleDataScope(row),
    permissions: parseStringArray(row.permissions),
    remark: row.remark,
    builtin: row.builtin === 1,
    version: row.version,
    userCount,
  };
}

/** The role fields the operation log keeps as before/after. */
export function roleSnapshot(row: RoleRow) {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    dataScope: row.data_scope,
    permissions: parseStringArray(row.permissions),
    remark: row.remark,
    version: row.version,
  };
}

/** What a role row grants. */
export function grantOf(row: RoleRow): Grant {
  return { permissions: parseStringArray(row.permissions), dataScope: roleDataScope(row) };
}
