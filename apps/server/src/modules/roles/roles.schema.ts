import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination';
import { freeTextField, nameField, versionField } from '../../shared/text-rules';
import { dataScopes } from '../access/data-scope';
import { isKnownPermission } from '../access/permissions';

const dataScope = z.enum(dataScopes, {
  error:
    '数据权限须为：all（全部）、unit_and_below（本单位及下级）、unit（本单位）、self（仅本人）',
});

const permissionList = z
  .array(
    z
      .string({ error: '权限标识必须是文本' })
      .refine(isKnownPermission, { error: '权限标识不存在' }),
    { error: '权限必须是权限标识的列表' },
  )
  .max(200, { error: '权限不能超过 200 项' });

const roleCode = z
  .string({ error: '角色标识必须是文本' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, {
    error: '角色标识须以小写字母开头，由 2–32 位小写字母、数字或下划线组成',
  });

export const roleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  dataScope: z.enum(dataScopes),
  permissions: z.array(z.string()),
  remark: z.string(),
  builtin: z.boolean(),
  version: z.number().int(),
  userCount: z.number().int(),
});
export type RoleDto = z.infer<typeof roleSchema>;

export const roleListQuery = z.object({ ...pageQuery });

export const createRoleBody = z.strictObject({
  name: nameField('角色名称', 50),
  code: roleCode,
  dataScope,
  permissions: permissionList,
  remark: freeTextField('备注', 500).optional(),
});

export const updateRoleBody = z.strictObject({
  version: versionField,
  name: nameField('角色名称', 50).optional(),
  dataScope: dataScope.optional(),
  permissions: permissionList.optional(),
  remark: freeTextField('备注', 500).optional(),
});

export const permissionDefSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  type: z.enum(['menu', 'button']),
});

export const rolePage = pageSchema(roleSchema);
export const permissionCatalogResponse = z.object({ items: z.array(permissionDefSchema) });
