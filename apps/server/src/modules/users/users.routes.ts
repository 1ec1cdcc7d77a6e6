import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import type { UsersService } from './users.service';
import {
  createUserBody,
  resetPasswordBody,
  updateUserBody,
  userListQuery,
  userPage,
  userSchema,
} from './users.schema';

const tags = ['用户管理'];

export function registerUserRoutes(api: FastifyInstance, users: UsersService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/users',
    {
      config: { permission: 'system:user:list' },
      schema: {
        tags,
        summary: '用户列表（数据权限内）',
        querystring: userListQuery,
        response: { 200: userPage },
      },
    },
    (request) => users.list(actorOf(request), request.query),
  );
  r.get(
    '/users/:id',
    {
      config: { permission: 'system:user:list' },
      schema: { tags, summary: '用户详情', params: idParam, response: { 200: userSchema } },
    },
    (request) => users.get(actorOf(request), request.params.id),
  );
  r.post(
    '/users',
    {
      config: { permission: 'system:user:add' },
      schema: {
        tags,
        summary: '新增用户（首次登录须修改密码）',
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.create(actorOf(request), request.body)),
  );
  r.patch(
    '/users/:id',
    {
      config: { permission: 'system:user:edit' },
      schema: {
        tags,
        summary: '修改用户（乐观锁）',
        params: idParam,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    (request) => users.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/users/:id',
    {
      config: { permission: 'system:user:remove' },
      schema: { tags, summary: '删除用户（软删除）', params: idParam },
    },
    async (request, reply) => {
      await users.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'system:user:resetPwd' },
      schema: { tags, summary: '重置用户密码', params: idParam, body: resetPasswordBody },
    },
    async (request, reply) => {
      await users.resetPassword(actorOf(request), request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );
}
