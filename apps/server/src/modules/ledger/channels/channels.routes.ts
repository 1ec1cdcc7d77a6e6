import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../http/auth-hook';
import { idParam } from '../../../shared/text-rules';
import {
  channelInput,
  channelListQuery,
  channelPage,
  channelSchema,
  updateChannelBody,
} from './channel.schema';
import type { ChannelsService } from './channels.service';

const tags = ['阵地管理'];

export function registerChannelRoutes(api: FastifyInstance, channels: ChannelsService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/channels',
    {
      config: { permission: 'ledger:channel:list' },
      schema: {
        tags,
        summary: '阵地列表',
        querystring: channelListQuery,
        response: { 200: channelPage },
      },
    },
    (request) => channels.list(actorOf(request), request.query),
  );
  r.get(
    '/channels/:id',
    {
      config: { permission: 'ledger:channel:list' },
      schema: { tags, summary: '阵地详情', params: idParam, response: { 200: channelSchema } },
    },
    (request) => channels.get(actorOf(request), request.params.id),
  );
  r.post(
    '/channels',
    {
      config: { permission: 'ledger:channel:add' },
      schema: { tags, summary: '登记阵地', body: channelInput, response: { 201: channelSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await channels.create(actorOf(request), request.body)),
  );
  r.patch(
    '/channels/:id',
    {
      config: { permission: 'ledger:channel:edit' },
      schema: {
        tags,
        summary: '修改阵地（乐观锁）',
        params: idParam,
        body: updateChannelBody,
        response: { 200: channelSchema },
      },
    },
    (request) => channels.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/channels/:id',
    {
      config: { permission: 'ledger:channel:remove' },
      schema: { tags, summary: '删除阵地（软删除）', params: idParam },
    },
    async (request, reply) => {
      await channels.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
