import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import type { PeopleService } from './people.service';
import {
  createPersonBody,
  personListQuery,
  personPage,
  personSchema,
  updatePersonBody,
} from './people.schema';

const tags = ['组织机构'];

export function registerPeopleRoutes(api: FastifyInstance, people: PeopleService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/people',
    {
      config: { permission: 'org:person:list' },
      schema: {
        tags,
        summary: '人员列表',
        querystring: personListQuery,
        response: { 200: personPage },
      },
    },
    (request) => people.list(actorOf(request), request.query),
  );
  r.get(
    '/people/:id',
    {
      config: { permission: 'org:person:list' },
      schema: { tags, summary: '人员详情', params: idParam, response: { 200: personSchema } },
    },
    (request) => people.get(actorOf(request), request.params.id),
  );
  r.post(
    '/people',
    {
      config: { permission: 'org:person:add' },
      schema: {
        tags,
        summary: '新增人员',
        body: createPersonBody,
        response: { 201: personSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.create(actorOf(request), request.body)),
  );
  r.patch(
    '/people/:id',
    {
      config: { permission: 'org:person:edit' },
      schema: {
        tags,
        summary: '修改人员（乐观锁）',
        params: idParam,
        body: updatePersonBody,
        response: { 200: personSchema },
      },
    },
    (request) => people.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/people/:id',
    {
      config: { permission: 'org:person:remove' },
      schema: { tags, summary: '删除人员（软删除）', params: idParam },
    },
    async (request, reply) => {
      await people.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
