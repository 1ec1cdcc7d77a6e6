import type { DataScope, UserStatus } from '../api/types';

export const DATA_SCOPE_LABELS: Record<DataScope, string> = {
  all: '全部',
  unit_and_below: '本单位及下级',
  unit: '本单位',
  self: '仅本人',
};

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: '正常',
  disabled: '停用',
};

export const OPERATION_ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  import: '导入',
  export: '导出',
  login: '登录',
  logout: '退出',
  password: '修改密码',
  'reset-password': '重置密码',
};

export const ENTITY_LABELS: Record<string, string> = {
  unit: '单位',
  person: '人员',
  responsibility: '责任分工',
  user: '用户',
  role: '角色',
  framework: '责任制框架',
  framework_area: '框架领域',
  framework_requirement: '框架要求',
  subtype_alias: '活动类型别名',
};

/** Field names in operation-log snapshots, shown in the before/after comparison. */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  type: '类型',
  parentId: '上级单位编号',
  parentName: '上级单位',
  sortOrder: '排序',
  remark: '备注',
  version: '版本',
  unitId: '所属单位编号',
  unitName: '所属单位',
  post: '职务',
  gender: '性别',
  phone: '联系电话',
  personId: '人员编号',
  personName: '姓名',
  role: '责任类型',
  areas: '分管领域',
  year: '年度',
  username: '用户名',
  displayName: '姓名',
  roleIds: '角色编号',
  roleNames: '角色',
  status: '状态',
  mustChangePassword: '须修改密码',
  lockedUntil: '锁定至',
  lastLoginAt: '最近登录',
  code: '编码',
  dataScope: '数据范围',
  permissions: '权限',
  builtin: '内置',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  deletedAt: '删除时间',
  passwordHash: '密码',
  userId: '用户编号',
  roleId: '角色编号',
};

export function labelOf(map: Record<string, string>, key: string | null | undefined): string {
  if (key === null || key === undefined || key === '') return '—';
  return map[key] ?? key;
}

/** Label of a snapshot field; snapshots may use column names (`unit_id`) or API names. */
export function fieldLabel(field: string): string {
  const camel = field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return FIELD_LABELS[field] ?? FIELD_LABELS[camel] ?? field;
}
