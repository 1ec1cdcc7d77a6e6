import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../http/auth-hook';
import { idParam } from '../../../shared/text-rules';
import {
  incidentInput,
  incidentListQuery,
  incidentPage,
  incidentSchema,
  updateIncidentBody,
} from './incident.schema';
import type { IncidentsService } from './incidents.service';

const tags = ['舆情应对'];

export function registerIncidentRoutes(api: FastifyInstance, incidents: IncidentsService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/incidents',
    {
      config: { permission: 'ledger:incident:list' },
      schema: {
        tags,
        summary: '舆情事件列表',
        querystring: incidentListQuery,
        response: { 200: incidentPage },
      },
    },
    (request) => incidents.list(actorOf(request), request.query),
  );
  r.get(
    '/incidents/:id',
    {
      config: { permission: 'ledger:incident:list' },
      schema: { tags, summary: '舆情事件详情', params: idParam, response: { 200: incidentSchema } },
    },
    (request) => incidents.get(actorOf(request), request.params.id),
  );
  r.post(
    '/incidents',
    {
      config: { permission: 'ledger:incident:add' },
      schema: {
        tags,
        summary: '登记舆情事件',
        body: incidentInput,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await incidents.create(actorOf(request), request.body)),
  );
  r.patch(
    '/incidents/:id',
    {
      config: { permission: 'ledger:incident:edit' },
      schema: {
        tags,
        summary: '修改舆情事件（乐观锁）',
        params: idParam,
        body: updateIncidentBody,
        response: { 200: incidentSchema },
      },
    },
    (request) => incidents.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/incidents/:id',
    {
      config: { permission: 'ledger:incident:remove' },
      schema: { tags, summary: '删除舆情事件（软删除）', params: idParam },
    },
    async (request, reply) => {
      await incidents.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
