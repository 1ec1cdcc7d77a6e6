import type { DataScope } from '../access/data-scope';
import { ALL_PERMISSIONS, permissionCatalog } from '../access/permissions';

export interface BuiltinRole {
  code: string;
  name: string;
  dataScope: DataScope;
  permissions: string[];
  remark: string;
}

const codes = (predicate: (code: string) => boolean) =>
  permissionCatalog.map((p) => p.code).filter(predicate);

/** Roles every deployment starts with; admins can add their own. */
export const builtinRoles: BuiltinRole[] = [
  {
    code: 'admin',
    name: '超级管理员',
    dataScope: 'all',
    permissions: [ALL_PERMISSIONS],
    remark: '拥有全部权限，管理账号、角色和框架',
  },
  {
    code: 'unit_admin',
    name: '单位管理员',
    dataScope: 'unit_and_below',
    permissions: codes(
      (c) =>
        (!c.startsWith('system:role:') || c === 'system:role:list') &&
        (!c.startsWith('framework:') || c === 'framework:list') &&
        c !== 'report:template',
    ),
    remark: '管理本单位及下级单位的组织、人员和账号',
  },
  {
    code: 'clerk',
    name: '台账专员',
    dataScope: 'unit',
    permissions: codes(
      (c) =>
        c === 'dashboard:view' ||
        c.startsWith('org:person:') ||
        c === 'org:unit:list' ||
        c.startsWith('org:resp:') ||
        c === 'framework:list' ||
        c === 'compliance:view' ||
        c.startsWith('proofread:') ||
        (c.startsWith('ledger:') && !c.endsWith(':remove')) ||
        (c.startsWith('report:') && c !== 'report:review' && c !== 'report:template'),
    ),
    remark: '宣传委员、党办干事：维护本单位人员与责任分工，记录台账',
  },
  {
    code: 'leader',
    name: '单位领导',
    dataScope: 'unit_and_below',
    permissions: codes(
      (c) =>
        c === 'dashboard:view' ||
        (c.startsWith('org:') && c.endsWith(':list')) ||
        c === 'framework:list' ||
        c === 'compliance:view' ||
        c === 'proofread:check' ||
        c === 'proofread:terms:list' ||
        (c.startsWith('ledger:') && (c.endsWith(':list') || c.endsWith(':export'))) ||
        ['report:list', 'report:add', 'report:edit', 'report:submit', 'report:review'].includes(c),
    ),
    remark: '书记、班子成员：查看本单位及下级的工作状态',
  },
];
