import type { UserRow } from '../../db/schema';
import type { UserListRow } from './users.repository';
import type { UserDto, UserStatus } from './users.schema';

export interface UserRoleRef {
  role_id: number;
  name: string;
}

function statusOf(row: Pick<UserRow, 'status'>): UserStatus {
  return row.status === 'active' ? 'active' : 'disabled';
}

export function presentUser(row: UserListRow, roles: readonly UserRoleRef[]): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    roleIds: roles.map((r) => r.role_id),
    roleNames: roles.map((r) => r.name),
    status: statusOf(row),
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** The user fields the operation log keeps as before/after — never the password hash. */
export function userSnapshot(
  row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'unit_id' | 'status' | 'version'>,
  roleIds: readonly number[],
) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    status: row.status,
    roleIds: [...roleIds],
    version: row.version,
  };
}
