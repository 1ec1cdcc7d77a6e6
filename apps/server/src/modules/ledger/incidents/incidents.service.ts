import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { IncidentRow } from '../../../db/schema-ledger';
import { AppError, invalid } from '../../../errors/app-error';
import type { Clock } from '../../../shared/clock';
import type { Page } from '../../../shared/pagination';
import type { Actor } from '../../access/data-scope';
import type { AuditService } from '../../audit/audit.service';
import { liveUnitInScope, unitFilterOf } from '../../units/unit-scope';
import type { UnitsRepository } from '../../units/units.repository';
import type { RowKind } from '../../versioned-rows/audited-rows';
import { AuditedRows } from '../../versioned-rows/audited-rows';
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

/** How the operation log names an incident: by source and date, never by any author. */
function label(row: Pick<IncidentRow, 'source' | 'found'>): string {
  return `舆情「${row.source}」${row.found}`;
}

const incidentKind: RowKind<IncidentWithUnit> = {
  entity: 'incident',
  notFoundMessage: '舆情事件不存在或无权访问',
  label,
  snapshot,
};

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
  private readonly audited: AuditedRows<IncidentWithUnit>;

  constructor(private readonly deps: IncidentsServiceDeps) {
    this.audited = new AuditedRows(incidentKind, deps.audit, deps.clock);
  }

  async list(actor: Actor, query: IncidentListQuery): Promise<Page<IncidentDto>> {
    const unit = await unitFilterOf(this.deps.units, actor, query);
    const { rows, total } = await this.deps.incidents.list(
      actor,
      { unit, status: query.status, severity: query.severity, from: query.from, to: query.to },
      query.page,
      query.pageSize,
    );
    return { items: rows.map(presentIncident), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<IncidentDto> {
    return presentIncident(this.audited.found(await this.deps.incidents.findVisible(actor, id)));
  }

  private async assertUnitWritable(actor: Actor, unitId: number, trx: Kysely<Database>) {
    if (!(await liveUnitInScope(this.deps.units, actor, unitId, trx)))
      throw invalid('unitId', '所属单位不存在或无权在该单位登记舆情');
  }

  async insertRecord(
    actor: Actor,
    input: IncidentInput,
    trx: Kysely<Database>,
    meta: { extra?: Record<string, unknown>; externalId?: string | null; audit?: boolean } = {},
  ): Promise<number> {
    await this.assertUnitWritable(actor, input.unitId, trx);
    return this.audited.insert(actor, trx, this.deps.incidents, {
      values: incidentValues(input, meta),
      createdBy: createdByOf(actor),
      summary: `登记${label(input)}`,
      log: meta.audit !== false,
    });
  }

  async create(actor: Actor, input: IncidentInput): Promise<IncidentDto> {
    const id = await this.deps.db
      .transaction()
      .execute((trx) => this.insertRecord(actor, input, trx));
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, patch: UpdateIncidentInput): Promise<IncidentDto> {
    const { db, incidents } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = this.audited.found(await incidents.findVisible(actor, id, trx), patch.version);
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
      await this.audited.saveUpdate(
        actor,
        trx,
        before,
        (now) => incidents.update(id, patch.version, values, now, trx),
        () => incidents.findVisible(actor, id, trx),
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, incidents } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = this.audited.found(await incidents.findVisible(actor, id, trx));
      await this.audited.softDelete(actor, trx, before, incidents);
    });
  }
}
