import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../errors/app-error';
import type { ErrorDetail } from '../../../errors/app-error';
import type { Clock } from '../../../shared/clock';
import type { Actor } from '../../access/data-scope';
import type { AuditService } from '../../audit/audit.service';
import type { ActivitiesRepository } from '../activities/activities.repository';
import type { ChannelsRepository } from '../channels/channels.repository';
import type { EvidenceRepository } from '../evidence/evidence.repository';
import type { IncidentsRepository } from '../incidents/incidents.repository';
import { ImportContext } from './import-context';
import type { ParsedLine } from './import-context';
import { importPerson, importResponsibility, importUnit } from './import-org-lines';
import { importActivity, importChannel, importIncident } from './import-record-lines';
import type { InterchangeRepository } from './interchange.repository';
import type { LedgerKind } from './ledger-format';
import { ledgerKindLabels, ledgerKinds } from './ledger-format';
import { parseLines } from './ledger-lines';

export interface LedgerImportDeps {
  db: Kysely<Database>;
  interchange: InterchangeRepository;
  activities: ActivitiesRepository;
  evidence: EvidenceRepository;
  channels: ChannelsRepository;
  incidents: IncidentsRepository;
  audit: AuditService;
  clock: Clock;
}

export interface LedgerImportResult {
  /** Rows written per kind. */
  created: Record<LedgerKind, number>;
  /** Units, people and responsibilities that already existed and were reused. */
  reused: number;
  /** Fields kept nowhere (reported, not silently dropped). */
  warnings: string[];
}

/** More errors than this and the import stops listing them. */
export const MAX_IMPORT_ERRORS = 1000;

/** Imports a JSON Lines ledger file: all lines in one transaction, every error by line number. */
export class LedgerImportService {
  constructor(private readonly deps: LedgerImportDeps) {}

  async importText(actor: Actor | null, text: string): Promise<LedgerImportResult> {
    const errors: string[] = [];
    const lines = parseLines(text, errors);
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const run = new ImportContext(this.deps, actor, trx, errors);
      await run.checkExternalIds(lines);
      for (const line of lines) {
        if (errors.length >= MAX_IMPORT_ERRORS) break;
        await importLine(run, line);
      }
      if (errors.length > 0) throw importFailed(errors);
      const created = run.created;
      const counts = ledgerKinds.map((k) => `${ledgerKindLabels[k]} ${created[k]}`).join('、');
      if (actor) {
        await this.deps.audit.record(
          actor,
          {
            action: 'import',
            entity: 'ledger',
            entityId: null,
            summary: `导入台账文件：${counts}；沿用已有 ${run.reused} 项`,
            after: { created, reused: run.reused },
          },
          trx,
        );
      }
      return { created, reused: run.reused, warnings: run.warnings };
    });
    return result;
  }
}

function importFailed(errors: string[]): AppError {
  const shown = errors.slice(0, MAX_IMPORT_ERRORS);
  const details: ErrorDetail[] = shown.map((message) => ({
    path: /^第(\d+)行/.exec(message)?.[1] ?? '',
    message,
  }));
  const more =
    errors.length >= MAX_IMPORT_ERRORS ? `（错误过多，仅列出前 ${MAX_IMPORT_ERRORS} 处）` : '';
  return new AppError(
    'VALIDATION_FAILED',
    `导入失败：发现 ${shown.length} 处错误${more}，未写入任何数据`,
    details,
  );
}

/** Imports one line; errors are collected in the context, not thrown. */
async function importLine(ctx: ImportContext, line: ParsedLine): Promise<void> {
  switch (line.kind) {
    case 'unit':
      return importUnit(ctx, line);
    case 'person':
      return importPerson(ctx, line);
    case 'responsibility':
      return importResponsibility(ctx, line);
    case 'activity':
      return importActivity(ctx, line);
    case 'channel':
      return importChannel(ctx, line);
    case 'incident':
      return importIncident(ctx, line);
  }
}
