export type PermissionType = 'menu' | 'button';

export interface PermissionDef {
  code: string;
  name: string;
  group: string;
  type: PermissionType;
}

/** The wildcard held by super administrators. */
export const ALL_PERMISSIONS = '*:*:*';

function crud(prefix: string, group: string, noun: string): PermissionDef[] {
  return [
    { code: `${prefix}:list`, name: `${noun}查询`, group, type: 'menu' },
    { code: `${prefix}:add`, name: `${noun}新增`, group, type: 'button' },
    { code: `${prefix}:edit`, name: `${noun}修改`, group, type: 'button' },
    { code: `${prefix}:remove`, name: `${noun}删除`, group, type: 'button' },
  ];
}

/** Menu- and button-level permission codes, RuoYi style (`module:entity:action`). */
export const permissionCatalog: PermissionDef[] = [
  { code: 'dashboard:view', name: '工作台', group: '工作台', type: 'menu' },
  ...crud('org:unit', '组织机构', '单位'),
  ...crud('org:person', '组织机构', '人员'),
  ...crud('org:resp', '组织机构', '责任分工'),
  ...crud('system:user', '系统管理', '用户'),
  { code: 'system:user:resetPwd', name: '重置密码', group: '系统管理', type: 'button' },
  ...crud('system:role', '系统管理', '角色'),
  { code: 'monitor:loginlog:list', name: '登录日志', group: '日志审计', type: 'menu' },
  { code: 'monitor:operlog:list', name: '操作日志', group: '日志审计', type: 'menu' },
  ...crud('framework', '责任框架', '框架'),
  { code: 'compliance:view', name: '责任落实情况', group: '责任框架', type: 'menu' },
  { code: 'proofread:check', name: '公文校对', group: '公文校对', type: 'menu' },
  ...crud('proofread:terms', '公文校对', '词表'),
  ...crud('ledger:record', '工作台账', '台账记录'),
  { code: 'ledger:record:import', name: '台账导入', group: '工作台账', type: 'button' },
  { code: 'ledger:record:export', name: '台账导出', group: '工作台账', type: 'button' },
  ...crud('ledger:channel', '工作台账', '阵地'),
  ...crud('ledger:incident', '工作台账', '舆情事件'),
  ...crud('report', '工作报告', '报告'),
  { code: 'report:submit', name: '报告报送', group: '工作报告', type: 'button' },
  { code: 'report:review', name: '报告审核退回', group: '工作报告', type: 'button' },
  { code: 'report:template', name: '报告模板', group: '工作报告', type: 'menu' },
];

const knownCodes = new Set(permissionCatalog.map((p) => p.code));

export function isKnownPermission(code: string): boolean {
  return code === ALL_PERMISSIONS || knownCodes.has(code);
}

export function hasPermission(granted: ReadonlySet<string>, code: string): boolean {
  return granted.has(ALL_PERMISSIONS) || granted.has(code);
}
