import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError, notFound } from '../../../errors/app-error';
import type { Clock } from '../../../shared/clock';
import { isoNow } from '../../../shared/clock';
import type { Actor } from '../../access/data-scope';
import type { AuditService } from '../../audit/audit.service';
import type { ActivitiesRepository } from '../activities/activities.repository';
import { createdByOf } from '../activities/activities.service';
import { presentEvidence } from '../activities/activities.presenter';
import type { EvidenceDto } from '../activities/activity.schema';
import type { LedgerLimits } from '../ledger-limits';
import { formatBytes } from '../ledger-limits';
import type { EvidenceStore } from './evidence-store';
import type { EvidenceRepository } from './evidence.repository';
import { checkEvidenceFile } from './file-sniff';

export interface EvidenceServiceDeps {
  db: Kysely<Database>;
  evidence: EvidenceRepository;
  activities: ActivitiesRepository;
  store: EvidenceStore;
  audit: AuditService;
  clock: Clock;
  limits: LedgerLimits;
}

export interface EvidenceDownload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const FILE_NAME_MAX = 200;

/** Evidence files of records: checked by content, stored by content address, served as attachments. */
export class EvidenceService {
  constructor(private readonly deps: EvidenceServiceDeps) {}

  async upload(
    actor: Actor,
    activityId: number,
    fileName: string,
    bytes: Buffer,
  ): Promise<EvidenceDto> {
    const { db, evidence, activities, store, audit, clock, limits } = this.deps;
    const activity = await activities.findVisible(actor, activityId);
    if (!activity) throw notFound('台账记录不存在或无权访问');
    const name = cleanFileName(fileName);
    if (bytes.length > limits.evidenceMaxBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `文件超过 ${formatBytes(limits.evidenceMaxBytes)} 的上限`,
      );
    }
    const check = checkEvidenceFile(name, bytes);
    if (!check.ok) throw new AppError('UNSUPPORTED_MEDIA_TYPE', check.message);
    const sha256 = await store.put(bytes);
    const id = await db.transaction().execute(async (trx) => {
      const newId = await evidence.insert(
        {
          activity_id: activityId,
          file_name: name,
          sha256,
          size: bytes.length,
          content_type: check.mime,
          created_by: createdByOf(actor),
          created_at: isoNow(clock),
        },
        trx,
      );
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'activity',
          entityId: activityId,
          summary: `上传证明材料「${name}」`,
          after: { evidence: name, sha256, size: bytes.length, contentType: check.mime },
        },
        trx,
      );
      return newId;
    });
    const row = await evidence.findVisible(actor, id);
    if (!row) throw notFound();
    return presentEvidence(row);
  }

  async download(actor: Actor, id: number): Promise<EvidenceDownload> {
    const row = await this.deps.evidence.findVisible(actor, id);
    if (!row) throw notFound('证明材料不存在或无权访问');
    if (!row.sha256) throw notFound('该证明材料只登记了文件名，尚未上传文件');
    const bytes = await this.deps.store.read(row.sha256);
    if (!bytes) throw notFound('证明材料文件已丢失，请重新上传');
    return { fileName: row.file_name, contentType: row.content_type, bytes };
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, evidence, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await evidence.findVisible(actor, id, trx);
      if (!row) throw notFound('证明材料不存在或无权访问');
      await evidence.softDelete(id, isoNow(clock), trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'activity',
          entityId: row.activity_id,
          summary: `删除证明材料「${row.file_name}」`,
          before: { evidence: row.file_name },
        },
        trx,
      );
    });
  }
}

/** The last path segment, without control characters, at most 200 characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!clean) throw new AppError('VALIDATION_FAILED', '文件名不能为空');
  return [...clean].slice(-FILE_NAME_MAX).join('');
}
