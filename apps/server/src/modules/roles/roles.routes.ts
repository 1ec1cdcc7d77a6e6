import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import type { RolesService } from './roles.service';
import {
  createRoleBody,
  permissionCatalogResponse,
  roleListQuery,
  rolePage,
  roleSchema,
  updateRoleBody,
} from './roles.schema';

const tags = ['角色权限'];

export function registerRoleRoutes(api: FastifyInstance, roles: RolesService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/permissions',
    {
      config: { permission: 'system:role:list' },
      schema: { tags, summary: '权限标识目录', response: { 200: permissionCatalogResponse } },
    },
    () => roles.permissions(),
  );
  r.get(
    '/roles',
    {
      config: { permission: 'system:role:list' },
      schema: {
        tags,
        summary: '角色列表',
        querystring: roleListQuery,
        response: { 200: rolePage },
      },
    },
    (request) => roles.list(request.query),
  );
  r.get(
    '/roles/:id',
    {
      config: { permission: 'system:role:list' },
      schema: { tags, summary: '角色详情', params: idParam, response: { 200: roleSchema } },
    },
    (request) => roles.get(request.params.id),
  );
  r.post(
    '/roles',
    {
      config: { permission: 'system:role:add' },
      schema: { tags, summary: '新增角色', body: createRoleBody, response: { 201: roleSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await roles.create(actorOf(request), request.body)),
  );
  r.patch(
    '/roles/:id',
    {
      config: { permission: 'system:role:edit' },
      schema: {
        tags,
        summary: '修改角色（乐观锁）',
        params: idParam,
        body: updateRoleBody,
        response: { 200: roleSchema },
      },
    },
    (request) => roles.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/roles/:id',
    {
      config: { permission: 'system:role:remove' },
      schema: { tags, summary: '删除角色', params: idParam },
    },
    async (request, reply) => {
      await roles.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
