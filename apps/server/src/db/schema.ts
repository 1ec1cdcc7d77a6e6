import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { LedgerTables } from './schema-ledger';
import type { FrameworkTables } from './schema-framework';
import type { ProofreadTables } from './schema-proofread';
import type { ReportTables } from './schema-reports';

// Timestamps are ISO-8601 strings (UTC, millisecond precision) and booleans are 0/1 integers
// on both dialects, so rows look the same whether they come from SQLite or PostgreSQL.

export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  type: string;
  /** Materialized path of ids, e.g. `/1/5/12/`; subtree queries are range scans on it. */
  path: string;
  depth: number;
  sort_order: number;
  remark: string;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PersonTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  post: string;
  gender: string | null;
  phone: string | null;
  remark: string;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ResponsibilityTable {
  id: Generated<number>;
  unit_id: number;
  person_id: number;
  role: string;
  /** JSON array of framework area names (分管领域). */
  areas: string;
  year: number;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: number;
  status: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RoleTable {
  id: Generated<number>;
  name: string;
  code: string;
  data_scope: string;
  /** JSON array of permission codes. */
  permissions: string;
  remark: string;
  builtin: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role_id: number;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface LoginLogTable {
  id: Generated<number>;
  username: string;
  ip: string;
  user_agent: string;
  success: number;
  message: string;
  created_at: string;
}

export interface OperationLogTable {
  id: Generated<number>;
  user_id: number | null;
  username: string;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string;
  created_at: string;
}

export interface FoundationTables {
  units: UnitTable;
  people: PersonTable;
  responsibilities: ResponsibilityTable;
  users: UserTable;
  roles: RoleTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_logs: LoginLogTable;
  operation_logs: OperationLogTable;
}

/** Every table, one interface per module's schema file. */
export interface Database
  extends FoundationTables, LedgerTables, FrameworkTables, ProofreadTables, ReportTables {}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type PersonRow = Selectable<PersonTable>;
export type ResponsibilityRow = Selectable<ResponsibilityTable>;
export type UserRow = Selectable<UserTable>;
export type RoleRow = Selectable<RoleTable>;
export type SessionRow = Selectable<SessionTable>;
export type LoginLogRow = Selectable<LoginLogTable>;
export type OperationLogRow = Selectable<OperationLogTable>;
