import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import type { FrameworkItemsService } from './framework-items.service';
import type { FrameworkService } from './framework.service';
import {
  areaSchema,
  createAreaBody,
  createFrameworkBody,
  createRequirementBody,
  createSubtypeAliasBody,
  frameworkSchema,
  frameworkSummarySchema,
  requirementSchema,
  subtypeAliasSchema,
  updateAreaBody,
  updateFrameworkBody,
  updateRequirementBody,
  yearParam,
} from './framework.schema';

const tags = ['责任框架'];

export function registerFrameworkRoutes(
  api: FastifyInstance,
  frameworks: FrameworkService,
  items: FrameworkItemsService,
): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const list = { permission: 'framework:list' };
  const add = { permission: 'framework:add' };
  const edit = { permission: 'framework:edit' };
  const remove = { permission: 'framework:remove' };

  r.get(
    '/frameworks',
    {
      config: list,
      schema: {
        tags,
        summary: '框架列表（按年度）',
        response: { 200: z.array(frameworkSummarySchema) },
      },
    },
    () => frameworks.list(),
  );
  r.get(
    '/frameworks/subtype-aliases',
    {
      config: list,
      schema: { tags, summary: '活动子类别名', response: { 200: z.array(subtypeAliasSchema) } },
    },
    () => items.aliases(),
  );
  r.post(
    '/frameworks/subtype-aliases',
    {
      config: add,
      schema: {
        tags,
        summary: '新增活动子类别名',
        body: createSubtypeAliasBody,
        response: { 201: subtypeAliasSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await items.addAlias(actorOf(request), request.body)),
  );
  r.delete(
    '/frameworks/subtype-aliases/:id',
    { config: remove, schema: { tags, summary: '删除活动子类别名', params: idParam } },
    async (request, reply) => {
      await items.removeAlias(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/frameworks/year/:year',
    {
      config: list,
      schema: {
        tags,
        summary: '某年度的框架（首次使用时按上一年度或默认框架生成）',
        params: yearParam,
        response: { 200: frameworkSchema },
      },
    },
    (request) => frameworks.getForYear(actorOf(request), request.params.year),
  );
  r.get(
    '/frameworks/:id',
    {
      config: list,
      schema: {
        tags,
        summary: '框架详情（领域与要求）',
        params: idParam,
        response: { 200: frameworkSchema },
      },
    },
    (request) => frameworks.get(request.params.id),
  );
  r.post(
    '/frameworks',
    {
      config: add,
      schema: {
        tags,
        summary: '新建年度框架（复制已有框架或默认框架）',
        body: createFrameworkBody,
        response: { 201: frameworkSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await frameworks.create(actorOf(request), request.body)),
  );
  r.patch(
    '/frameworks/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: '修改框架名称（乐观锁）',
        params: idParam,
        body: updateFrameworkBody,
        response: { 200: frameworkSchema },
      },
    },
    (request) => frameworks.rename(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/frameworks/:id',
    { config: remove, schema: { tags, summary: '删除框架', params: idParam } },
    async (request, reply) => {
      await frameworks.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/frameworks/:id/areas',
    {
      config: add,
      schema: {
        tags,
        summary: '新增领域',
        params: idParam,
        body: createAreaBody,
        response: { 201: areaSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await items.addArea(actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/frameworks/areas/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: '修改领域（乐观锁）',
        params: idParam,
        body: updateAreaBody,
        response: { 200: areaSchema },
      },
    },
    (request) => items.updateArea(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/frameworks/areas/:id',
    { config: remove, schema: { tags, summary: '删除领域（须先清空其下要求）', params: idParam } },
    async (request, reply) => {
      await items.removeArea(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/frameworks/:id/requirements',
    {
      config: add,
      schema: {
        tags,
        summary: '新增要求',
        params: idParam,
        body: createRequirementBody,
        response: { 201: requirementSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await items.addRequirement(actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/frameworks/requirements/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: '修改要求（乐观锁）',
        params: idParam,
        body: updateRequirementBody,
        response: { 200: requirementSchema },
      },
    },
    (request) => items.updateRequirement(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/frameworks/requirements/:id',
    { config: remove, schema: { tags, summary: '删除要求', params: idParam } },
    async (request, reply) => {
      await items.removeRequirement(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
