import { z } from 'zod';
import { dataScopes } from '../access/data-scope';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string().min(1, { error: '请输入密码' }).max(128),
});

export const changePasswordBody = z.strictObject({
  oldPassword: z.string().min(1, { error: '请输入原密码' }).max(128),
  newPassword: z.string().min(1, { error: '请输入新密码' }).max(128),
});

export const currentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.object({ id: z.number().int(), name: z.string() })),
  permissions: z.array(z.string()),
  dataScope: z.enum(dataScopes),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const csrfResponse = z.object({ token: z.string() });
export const loginResponse = z.object({ user: currentUser });
