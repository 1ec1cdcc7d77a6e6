import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { IncidentRow } from '../../../db/schema-ledger';
import { AppError, invalid, notFound, versionConflict } from '../../../errors/app-error';
import type { Clock } from '../../../shared/clock';
import { isoNow } from '../../../shared/clock';
import type { Page } from '../../../shared/pagination';
import type { Actor } from '../../access/data-scope';
import { unitPathInScope } from '../../access/data-scope';
import type { AuditService } from '../../audit/audit.service';
import type { UnitsRepository } from '../../units/units.repository';
import { createdByOf } from '../activities/activities.service';
import type {
  IncidentDto,
  IncidentInput,
  IncidentListQuery,
  UpdateIncidentInput,
} from './incident.schema';
import { incidentRuleIssues } from './incident.schema';
import type { IncidentValues, IncidentWithUnit, IncidentsRepository } from './incidents.repository';

export interface IncidentsServiceDeps {
  db: Kysely<Database>;
  incidents: IncidentsRepository;
  units: UnitsRepository;
  audit: AuditService;
  clock: Clock;
}

export function presentIncident(row: IncidentWithUnit): IncidentDto {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    found: row.found,
    source: row.source,
    link: row.link,
    summary: row.summary,
    severity: row.severity,
    status: row.status,
    closed: row.closed,
    response: row.response,
    externalId: row.external_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function snapshot(row: IncidentRow) {
  const { created_at: _c, updated_at: _u, created_by: _b, extra: _e, ...rest } = row;
  return rest;
}

export function incidentValues(
  input: IncidentInput,
  meta: { extra?: Record<string, unknown>; externalId?: string | null } = {},
): IncidentValues {
  return {
    unit_id: input.unitId,
    found: input.found,
    source: input.source,
    link: input.link || null,
    summary: input.summary,
    severity: input.severity,
    status: input.status,
    closed: input.closed ?? null,
    response: input.response ?? '',
    extra: JSON.stringify(meta.extra ?? {}),
    external_id: meta.externalId ?? null,
  };
}

/** Opinion incidents, scope-checked, every write logged. */
export class IncidentsService {
  constructor(private readonly deps: IncidentsServiceDeps) {}

  async list(actor: Actor, query: IncidentListQuery): Promise<Page<IncidentDto>> {
    let unit: { id: number; path: string; includeSubunits: boolean } | undefined;
    if (query.unitId) {
      const row = await this.deps.units.findVisible(actor, query.unitId);
      if (!row) throw notFound('单位不存在或无权访问');
      unit = { id: row.id, path: row.path, includeSubunits: query.includeSubunits ?? false };
    }
    const { rows, total } = await this.deps.incidents.list(
      actor,
      { unit, status: query.status, severity: query.severity, from: query.from, to: query.to },
      query.page,
      query.pageSize,
    );
    return { items: rows.map(presentIncident), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<IncidentDto> {
    const row = await this.deps.incidents.findVisible(actor, id);
    if (!row) throw notFound('舆情事件不存在或无权访问');
    return presentIncident(row);
  }

  private async assertUnitWritable(actor: Actor, unitId: number, trx: Kysely<Database>) {
    const unit = await this.deps.units.findLive(unitId, trx);
    if (!unit || !unitPathInScope(actor, unit.path))
      throw invalid('unitId', '所属单位不存在或无权在该单位登记舆情');
  }

  async insertRecord(
    actor: Actor,
    input: IncidentInput,
    trx: Kysely<Database>,
    meta: { extra?: Record<string, unknown>; externalId?: string | null; audit?: boolean } = {},
  ): Promise<number> {
    await this.assertUnitWritable(actor, input.unitId, trx);
    const values = incidentValues(input, meta);
    const id = await this.deps.incidents.insert(
      values,
      createdByOf(actor),
      isoNow(this.deps.clock),
      trx,
    );
    if (meta.audit !== false) {
      await this.deps.audit.record(
        actor,
        {
          action: 'create',
          entity: 'incident',
          entityId: id,
          summary: `登记舆情「${input.source}」${input.found}`,
          after: { id, ...values },
        },
        trx,
      );
    }
    return id;
  }

  async create(actor: Actor, input: IncidentInput): Promise<IncidentDto> {
    const id = await this.deps.db
      .transaction()
      .execute((trx) => this.insertRecord(actor, input, trx));
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, patch: UpdateIncidentInput): Promise<IncidentDto> {
    const { db, incidents, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await incidents.findVisible(actor, id, trx);
      if (!before) throw notFound('舆情事件不存在或无权访问');
      if (before.version !== patch.version) throw versionConflict();
      const merged: IncidentInput = {
        unitId: patch.unitId ?? before.unit_id,
        found: patch.found ?? before.found,
        source: patch.source ?? before.source,
        link: patch.link !== undefined ? patch.link : before.link,
        summary: patch.summary ?? before.summary,
        severity: patch.severity ?? (before.severity as IncidentInput['severity']),
        status: patch.status ?? (before.status as IncidentInput['status']),
        closed: patch.closed !== undefined ? patch.closed : before.closed,
        response: patch.response ?? before.response,
      };
      const issues = incidentRuleIssues(merged);
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues[0]?.message, issues);
      if (merged.unitId !== before.unit_id)
        await this.assertUnitWritable(actor, merged.unitId, trx);
      const { extra: _extra, external_id: _ext, ...values } = incidentValues(merged);
      if (!(await incidents.update(id, patch.version, values, isoNow(clock), trx)))
        throw versionConflict();
      const after = await incidents.findVisible(actor, id, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'incident',
          entityId: id,
          summary: `修改舆情「${before.source}」${before.found}`,
          before: snapshot(before),
          after: after && snapshot(after),
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, incidents, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await incidents.findVisible(actor, id, trx);
      if (!before) throw notFound('舆情事件不存在或无权访问');
      const now = isoNow(clock);
      if (!(await incidents.update(id, before.version, { deleted_at: now }, now, trx)))
        throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'incident',
          entityId: id,
          summary: `删除舆情「${before.source}」${before.found}`,
          before: snapshot(before),
        },
        trx,
      );
    });
  }
}
