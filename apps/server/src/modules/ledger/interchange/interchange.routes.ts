import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/app-error';
import { actorOf } from '../../../http/auth-hook';
import { attachmentDisposition, readUploadedFile } from '../http-files';
import type { LedgerLimits } from '../ledger-limits';
import type { LedgerExportService } from './ledger-export.service';
import type { LedgerImportService } from './ledger-import.service';
import { ledgerKinds } from './ledger-format';

const tags = ['台账导入导出'];

const importResult = z.object({
  created: z.object(
    Object.fromEntries(ledgerKinds.map((k) => [k, z.number().int()])) as Record<
      (typeof ledgerKinds)[number],
      z.ZodNumber
    >,
  ),
  reused: z.number().int(),
  warnings: z.array(z.string()),
});

async function readImportText(request: FastifyRequest, limits: LedgerLimits): Promise<string> {
  if (request.isMultipart()) {
    const file = await readUploadedFile(request, limits.importMaxBytes);
    return file.bytes.toString('utf8');
  }
  if (typeof request.body !== 'string') {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      '请以 application/x-ndjson 正文或 multipart/form-data 文件上传 JSON Lines 台账文件',
    );
  }
  return request.body;
}

export function registerInterchangeRoutes(
  api: FastifyInstance,
  services: { importer: LedgerImportService; exporter: LedgerExportService },
  limits: LedgerLimits,
): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/ledger/import',
    {
      config: { permission: 'ledger:record:import' },
      bodyLimit: limits.importMaxBytes,
      schema: {
        tags,
        summary: '导入 JSON Lines 台账文件（全部成功或全部不写入）',
        response: { 200: importResult },
      },
    },
    async (request) =>
      services.importer.importText(actorOf(request), await readImportText(request, limits)),
  );
  r.get(
    '/ledger/export',
    {
      config: { permission: 'ledger:record:export' },
      schema: {
        tags,
        summary: '导出 JSON Lines 台账文件',
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const root = await services.exporter.rootOf(actor, request.query.unitId);
      const lines = services.exporter.lines(actor, root);
      const stream = Readable.from(
        (async function* () {
          for await (const line of lines) yield `${line}\n`;
        })(),
      );
      return reply
        .header('Content-Type', 'application/x-ndjson; charset=utf-8')
        .header(
          'Content-Disposition',
          attachmentDisposition(`taizhang-ledger-${root?.name ?? '全部'}.jsonl`),
        )
        .send(stream);
    },
  );
}
