import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination';
import { nameField, versionField } from '../../shared/text-rules';

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];
const userStatus = z.enum(userStatuses, { error: '状态须为 active（正常）或 disabled（停用）' });

const username = z
  .string({ error: '用户名必须是文本' })
  .trim()
  .min(3, { error: '用户名至少 3 个字符' })
  .max(32, { error: '用户名不能超过 32 个字符' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: '用户名只能包含字母、数字、下划线、点和连字符' });

// The policy itself (length, character classes) is checked by the service with one message.
const password = z
  .string({ error: '密码必须是文本' })
  .min(1, { error: '请输入密码' })
  .max(128, { error: '密码不能超过 128 个字符' });

const roleIds = z
  .array(z.number({ error: '角色编号必须是数字' }).int().positive({ error: '角色编号无效' }), {
    error: '请选择角色',
  })
  .min(1, { error: '请至少选择一个角色' })
  .max(20, { error: '角色不能超过 20 个' });

const unitId = z.number({ error: '请选择所属单位' }).int().positive({ error: '所属单位无效' });

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  roleIds: z.array(z.number().int()),
  roleNames: z.array(z.string()),
  status: z.enum(userStatuses),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

export const userListQuery = z.object({
  ...pageQuery,
  keyword: z.string().trim().max(100).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  status: userStatus.optional(),
  sort: z.string().max(40).optional(),
});

export const createUserBody = z.strictObject({
  username,
  displayName: nameField('姓名', 50),
  unitId,
  roleIds,
  password,
});

export const updateUserBody = z.strictObject({
  version: versionField,
  displayName: nameField('姓名', 50).optional(),
  unitId: unitId.optional(),
  roleIds: roleIds.optional(),
  status: userStatus.optional(),
});

export const resetPasswordBody = z.strictObject({ password });

export const userPage = pageSchema(userSchema);
