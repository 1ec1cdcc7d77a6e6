export const ALL_PERMISSIONS = '*:*:*';

/**
 * RuoYi-style permission matching: `*:*:*` grants everything, and `*` in a granted code
 * matches any value of that segment (e.g. `org:unit:*`).
 */
export function hasPermission(granted: readonly string[], required: string): boolean {
  const needed = required.split(':');
  return granted.some((code) => {
    if (code === ALL_PERMISSIONS || code === required) return true;
    const parts = code.split(':');
    if (parts.length !== needed.length) return false;
    return parts.every((part, index) => part === '*' || part === needed[index]);
  });
}

/** Permission codes the web app checks; kept in one place so they match the server's list. */
export const PERM = {
  dashboardView: 'dashboard:view',
  unitList: 'org:unit:list',
  unitAdd: 'org:unit:add',
  unitEdit: 'org:unit:edit',
  unitRemove: 'org:unit:remove',
  personList: 'org:person:list',
  personAdd: 'org:person:add',
  personEdit: 'org:person:edit',
  personRemove: 'org:person:remove',
  respList: 'org:resp:list',
  respAdd: 'org:resp:add',
  respEdit: 'org:resp:edit',
  respRemove: 'org:resp:remove',
  userList: 'system:user:list',
  userAdd: 'system:user:add',
  userEdit: 'system:user:edit',
  userRemove: 'system:user:remove',
  userResetPwd: 'system:user:resetPwd',
  roleList: 'system:role:list',
  roleAdd: 'system:role:add',
  roleEdit: 'system:role:edit',
  roleRemove: 'system:role:remove',
  loginLogList: 'monitor:loginlog:list',
  operLogList: 'monitor:operlog:list',
} as const;
export type PermissionCode = (typeof PERM)[keyof typeof PERM];
