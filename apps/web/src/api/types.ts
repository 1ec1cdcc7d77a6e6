// Shapes of the HTTP API (see the API contract of issue 2). When the server publishes shared zod
// schemas, these types should be replaced by `z.infer` imports from that package.

export type Id = number;
export type IsoDateTime = string;

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: FieldIssue[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  keyword?: string;
}

export type DataScope = 'all' | 'unit_and_below' | 'unit' | 'self';

export interface CurrentUser {
  id: Id;
  username: string;
  displayName: string;
  unitId: Id | null;
  unitName: string | null;
  mustChangePassword: boolean;
  roles: { id: Id; name: string }[];
  permissions: string[];
  dataScope: DataScope;
}

export interface DashboardSummary {
  units: number;
  people: number;
  users: number;
}

export const UNIT_TYPES = ['党委', '党组', '党工委', '党总支', '党支部', '其他'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface UnitNode {
  id: Id;
  parentId: Id | null;
  name: string;
  type: UnitType;
  sortOrder: number;
  children: UnitNode[];
}

export interface Unit {
  id: Id;
  parentId: Id | null;
  parentName: string | null;
  name: string;
  type: UnitType;
  sortOrder: number;
  remark: string | null;
  version: number;
  peopleCount: number;
  childCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface UnitInput {
  /** Required when creating: new units always sit under an existing one. */
  parentId?: Id;
  name: string;
  type: UnitType;
  sortOrder?: number;
  remark?: string;
}

export type Gender = '男' | '女';

export interface Person {
  id: Id;
  unitId: Id;
  unitName: string;
  name: string;
  post: string;
  gender: Gender | null;
  phone: string | null;
  remark: string | null;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface PersonInput {
  unitId: Id;
  name: string;
  post: string;
  gender?: Gender | null;
  phone?: string | null;
  remark?: string;
}

export const RESPONSIBILITY_ROLES = ['第一责任人', '直接责任人', '一岗双责'] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

export const WORK_AREAS = [
  '组织领导',
  '理论学习',
  '宣传教育',
  '阵地管理',
  '舆情应对',
  '文明创建',
  '队伍建设',
  '督查考核',
] as const;
export type WorkArea = (typeof WORK_AREAS)[number];

export interface Responsibility {
  id: Id;
  unitId: Id;
  personId: Id;
  personName: string;
  post: string;
  role: ResponsibilityRole;
  areas: string[];
  year: number;
  version: number;
}

export interface ResponsibilityInput {
  unitId: Id;
  personId: Id;
  role: ResponsibilityRole;
  areas: string[];
  year: number;
}

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: Id;
  username: string;
  displayName: string;
  unitId: Id | null;
  unitName: string | null;
  roleIds: Id[];
  roleNames: string[];
  status: UserStatus;
  mustChangePassword: boolean;
  lockedUntil: IsoDateTime | null;
  lastLoginAt: IsoDateTime | null;
  version: number;
  createdAt: IsoDateTime;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  unitId: Id;
  roleIds: Id[];
  password: string;
}

export interface Role {
  id: Id;
  name: string;
  code: string;
  dataScope: DataScope;
  permissions: string[];
  remark: string | null;
  builtin: boolean;
  version: number;
  userCount?: number;
}

export interface RoleInput {
  name: string;
  code: string;
  dataScope: DataScope;
  permissions: string[];
  remark?: string;
}

export interface PermissionItem {
  code: string;
  name: string;
  group: string;
  type: 'menu' | 'button';
}

export interface LoginLog {
  id: Id;
  username: string;
  ip: string | null;
  userAgent: string | null;
  success: boolean;
  message: string | null;
  createdAt: IsoDateTime;
}

export interface OperationLog {
  id: Id;
  userId: Id | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string | null;
  /** Snapshots of the record; usually objects, but any JSON the server stored. */
  before: unknown;
  after: unknown;
  ip: string | null;
  createdAt: IsoDateTime;
}
