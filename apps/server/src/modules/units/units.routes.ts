import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import type { UnitsService } from './units.service';
import {
  createUnitBody,
  unitListQuery,
  unitPage,
  unitSchema,
  unitTreeResponse,
  updateUnitBody,
} from './units.schema';

const tags = ['组织机构'];

export function registerUnitRoutes(api: FastifyInstance, units: UnitsService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/units/tree',
    {
      config: { permission: 'org:unit:list' },
      schema: { tags, summary: '单位树（数据权限内）', response: { 200: unitTreeResponse } },
    },
    (request) => units.tree(actorOf(request)),
  );
  r.get(
    '/units',
    {
      config: { permission: 'org:unit:list' },
      schema: {
        tags,
        summary: '单位列表',
        querystring: unitListQuery,
        response: { 200: unitPage },
      },
    },
    (request) => units.list(actorOf(request), request.query),
  );
  r.get(
    '/units/:id',
    {
      config: { permission: 'org:unit:list' },
      schema: { tags, summary: '单位详情', params: idParam, response: { 200: unitSchema } },
    },
    (request) => units.get(actorOf(request), request.params.id),
  );
  r.post(
    '/units',
    {
      config: { permission: 'org:unit:add' },
      schema: { tags, summary: '新增单位', body: createUnitBody, response: { 201: unitSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await units.create(actorOf(request), request.body)),
  );
  r.patch(
    '/units/:id',
    {
      config: { permission: 'org:unit:edit' },
      schema: {
        tags,
        summary: '修改单位（乐观锁）',
        params: idParam,
        body: updateUnitBody,
        response: { 200: unitSchema },
      },
    },
    (request) => units.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/units/:id',
    {
      config: { permission: 'org:unit:remove' },
      schema: { tags, summary: '删除单位（软删除）', params: idParam },
    },
    async (request, reply) => {
      await units.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
