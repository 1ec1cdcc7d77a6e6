import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import type { ResponsibilitiesService } from './responsibilities.service';
import {
  createResponsibilityBody,
  responsibilityList,
  responsibilityListQuery,
  responsibilitySchema,
  updateResponsibilityBody,
} from './responsibilities.schema';

const tags = ['组织机构'];

export function registerResponsibilityRoutes(
  api: FastifyInstance,
  service: ResponsibilitiesService,
): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/responsibilities',
    {
      config: { permission: 'org:resp:list' },
      schema: {
        tags,
        summary: '责任分工（按单位、年度）',
        querystring: responsibilityListQuery,
        response: { 200: responsibilityList },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );
  r.post(
    '/responsibilities',
    {
      config: { permission: 'org:resp:add' },
      schema: {
        tags,
        summary: '新增责任分工',
        body: createResponsibilityBody,
        response: { 201: responsibilitySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(actorOf(request), request.body)),
  );
  r.patch(
    '/responsibilities/:id',
    {
      config: { permission: 'org:resp:edit' },
      schema: {
        tags,
        summary: '修改责任分工（乐观锁）',
        params: idParam,
        body: updateResponsibilityBody,
        response: { 200: responsibilitySchema },
      },
    },
    (request) => service.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/responsibilities/:id',
    {
      config: { permission: 'org:resp:remove' },
      schema: { tags, summary: '删除责任分工', params: idParam },
    },
    async (request, reply) => {
      await service.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
