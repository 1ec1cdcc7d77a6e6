import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { AppError, invalid, notFound, versionConflict } from '../../../errors/app-error';
import type { Clock } from '../../../shared/clock';
import { isoNow } from '../../../shared/clock';
import type { Page } from '../../../shared/pagination';
import { parseSort } from '../../../shared/pagination';
import type { Actor } from '../../access/data-scope';
import { unitPathInScope } from '../../access/data-scope';
import type { AuditRepository } from '../../audit/audit.repository';
import type { AuditService } from '../../audit/audit.service';
import type { UnitsRepository } from '../../units/units.repository';
import type { EvidenceRepository } from '../evidence/evidence.repository';
import { queryTokens } from '../search/search-tokens';
import type { ActivitiesRepository, ActivityFilter, ActivitySort } from './activities.repository';
import type { StoredAttendance } from './activities.presenter';
import {
  activitySnapshot,
  activityValues,
  inputOf,
  parseExtra,
  presentActivity,
  presentActivityListItem,
} from './activities.presenter';
import type {
  ActivityDto,
  ActivityInput,
  ActivityListItem,
  ActivityListQuery,
  HistoryEntryDto,
  UpdateActivityInput,
} from './activity.schema';
import { activityInput } from './activity.schema';
import type { LedgerLookupsRepository } from './ledger-lookups.repository';
import { resolveDateRange } from '../../compliance/compliance-periods';

export interface ActivitiesServiceDeps {
  db: Kysely<Database>;
  activities: ActivitiesRepository;
  evidence: EvidenceRepository;
  units: UnitsRepository;
  lookups: LedgerLookupsRepository;
  audit: AuditService;
  auditLog: AuditRepository;
  clock: Clock;
}

const sortable = {
  date: 'date',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  title: 'title',
  type: 'type',
} as const;
export const defaultActivitySort: ActivitySort = { column: 'date', direction: 'desc' };

/** Who wrote a row: null for the command line (system actor). */
export function createdByOf(actor: Actor): number | null {
  return actor.userId > 0 ? actor.userId : null;
}

/** Activity records: scope-checked reads and writes, each write logged with before/after. */
export class ActivitiesService {
  constructor(private readonly deps: ActivitiesServiceDeps) {}

  /** Turns list query parameters into a repository filter (unit checked against the scope). */
  async filterOf(
    actor: Actor,
    query: Omit<ActivityListQuery, 'page' | 'pageSize' | 'sort'>,
  ): Promise<ActivityFilter> {
    let unit: ActivityFilter['unit'];
    if (query.unitId) {
      const row = await this.deps.units.findVisible(actor, query.unitId);
      if (!row) throw notFound('单位不存在或无权访问');
      unit = { id: row.id, path: row.path, includeSubunits: query.includeSubunits ?? false };
    }
    const range = resolveDateRange(query);
    return {
      unit,
      type: query.type,
      subtype: query.subtype || undefined,
      from: range.from,
      to: range.to,
      area: query.area,
      tokens: query.q ? queryTokens(query.q) : undefined,
      deleted: query.deleted === 'only',
    };
  }

  sortOf(sort: string | undefined): ActivitySort {
    return parseSort(sort, sortable, defaultActivitySort);
  }

  async list(actor: Actor, query: ActivityListQuery): Promise<Page<ActivityListItem>> {
    const filter = await this.filterOf(actor, query);
    if (query.q && filter.tokens?.length === 0) {
      return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    }
    const { rows, total } = await this.deps.activities.list(
      actor,
      filter,
      this.sortOf(query.sort),
      query.page,
      query.pageSize,
    );
    return {
      items: rows.map(presentActivityListItem),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: number): Promise<ActivityDto> {
    const row = await this.deps.activities.findVisible(actor, id, { includeDeleted: true });
    if (!row) throw notFound('台账记录不存在或无权访问');
    return presentActivity(row, await this.deps.evidence.listForActivity(id));
  }

  /** The record's unit must be a live unit inside the actor's scope. */
  async assertUnitWritable(actor: Actor, unitId: number, trx: Kysely<Database>): Promise<void> {
    const unit = await this.deps.units.findLive(unitId, trx);
    if (!unit || !unitPathInScope(actor, unit.path)) {
      throw invalid('unitId', '所属单位不存在或无权在该单位登记台账');
    }
  }

  /** Links attendance entries to people (which must be visible) and fills in their names. */
  async resolveAttendance(
    actor: Actor,
    input: ActivityInput,
    trx: Kysely<Database>,
  ): Promise<StoredAttendance[]> {
    const entries = input.attendance ?? [];
    const ids = entries.flatMap((e) => (e.personId !== undefined ? [e.personId] : []));
    const people = ids.length > 0 ? await this.deps.lookups.peopleByIds(ids, trx) : new Map();
    return entries.map((entry, i) => {
      let name = entry.name ?? '';
      if (entry.personId !== undefined) {
        const person = people.get(entry.personId);
        if (!person || !unitPathInScope(actor, person.unit_path)) {
          throw invalid(`attendance.${i}.personId`, `出席名单第 ${i + 1} 项的人员不存在或无权访问`);
        }
        name = person.name;
      }
      return {
        personId: entry.personId ?? null,
        name,
        present: entry.present,
        reason: entry.reason ?? null,
      };
    });
  }

  /** Inserts a validated record inside the caller's transaction (API create and imports). */
  async insertRecord(
    actor: Actor,
    input: ActivityInput,
    trx: Kysely<Database>,
    meta: { extra?: Record<string, unknown>; externalId?: string | null; audit?: boolean } = {},
  ): Promise<number> {
    const { activities, audit, clock } = this.deps;
    await this.assertUnitWritable(actor, input.unitId, trx);
    const attendance = await this.resolveAttendance(actor, input, trx);
    const values = activityValues(input, attendance, meta);
    const id = await activities.insert(
      values,
      input.areas ?? [],
      createdByOf(actor),
      isoNow(clock),
      trx,
    );
    if (meta.audit !== false) {
      const row = await activities.findVisible(actor, id, {}, trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'activity',
          entityId: id,
          summary: `新增台账「${input.title}」`,
          after: row && activitySnapshot(row),
        },
        trx,
      );
    }
    return id;
  }

  async create(actor: Actor, input: ActivityInput): Promise<ActivityDto> {
    const id = await this.deps.db
      .transaction()
      .execute((trx) => this.insertRecord(actor, input, trx));
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, patch: UpdateActivityInput): Promise<ActivityDto> {
    const { db, activities, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await activities.findVisible(actor, id, {}, trx);
      if (!before) throw notFound('台账记录不存在或无权访问');
      if (before.version !== patch.version) throw versionConflict();
      const { version, ...changes } = patch;
      const merged = { ...inputOf(before), ...stripUndefined(changes) };
      const parsed = activityInput.safeParse(merged);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }));
        throw new AppError(
          'VALIDATION_FAILED',
          `提交的数据不符合要求：${details[0]?.message ?? ''}`,
          details,
        );
      }
      const input = parsed.data;
      if (input.unitId !== before.unit_id) await this.assertUnitWritable(actor, input.unitId, trx);
      const attendance = await this.resolveAttendance(actor, input, trx);
      const values = activityValues(input, attendance, {
        extra: parseExtra(before.extra),
        externalId: before.external_id,
      });
      const ok = await activities.update(
        id,
        version,
        values,
        input.areas ?? [],
        isoNow(clock),
        trx,
      );
      if (!ok) throw versionConflict();
      const after = await activities.findVisible(actor, id, {}, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'activity',
          entityId: id,
          summary: `修改台账「${before.title}」`,
          before: activitySnapshot(before),
          after: after && activitySnapshot(after),
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  /** Soft delete; with `version` given, a stale version is a conflict. */
  async remove(actor: Actor, id: number, version?: number): Promise<void> {
    const { db, activities, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await activities.findVisible(actor, id, {}, trx);
      if (!before) throw notFound('台账记录不存在或无权访问');
      if (version !== undefined && version !== before.version) throw versionConflict();
      const now = isoNow(clock);
      if (!(await activities.setDeleted(id, before.version, now, now, trx)))
        throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'activity',
          entityId: id,
          summary: `删除台账「${before.title}」`,
          before: activitySnapshot(before),
        },
        trx,
      );
    });
  }

  async restore(actor: Actor, id: number): Promise<ActivityDto> {
    const { db, activities, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await activities.findVisible(actor, id, { includeDeleted: true }, trx);
      if (!before) throw notFound('台账记录不存在或无权访问');
      if (before.deleted_at === null) throw new AppError('CONFLICT', '该记录未被删除，无需恢复');
      await this.assertUnitWritable(actor, before.unit_id, trx);
      const now = isoNow(clock);
      if (!(await activities.setDeleted(id, before.version, null, now, trx)))
        throw versionConflict();
      const after = await activities.findVisible(actor, id, {}, trx);
      await audit.record(
        actor,
        {
          action: 'restore',
          entity: 'activity',
          entityId: id,
          summary: `恢复台账「${before.title}」`,
          before: activitySnapshot(before),
          after: after && activitySnapshot(after),
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  /** Names of the live evidence files of each record. */
  async evidenceNames(ids: readonly number[]): Promise<Map<number, string[]>> {
    const files = await this.deps.evidence.listForActivities(ids);
    return new Map([...files].map(([id, rows]) => [id, rows.map((r) => r.file_name)]));
  }

  /** Edit history from the operation log, oldest first, with the changed fields of each entry. */
  async history(actor: Actor, id: number): Promise<{ items: HistoryEntryDto[] }> {
    const row = await this.deps.activities.findVisible(actor, id, { includeDeleted: true });
    if (!row) throw notFound('台账记录不存在或无权访问');
    const { rows } = await this.deps.auditLog.listOperations({
      entity: 'activity',
      entityId: String(id),
      page: 1,
      pageSize: 100,
    });
    const items = [...rows].reverse().map((log) => {
      const before = parseObject(log.before_json);
      const after = parseObject(log.after_json);
      return {
        id: log.id,
        action: log.action,
        summary: log.summary,
        username: log.username,
        createdAt: log.created_at,
        changes: diffFields(before, after),
      };
    });
    // Imports log one entry per file, not per record: say where the record came from.
    if (!items.some((i) => i.action === 'create')) {
      const origin = row.external_id
        ? `通过导入创建（导入编号 ${row.external_id}）`
        : '通过导入创建';
      items.unshift({
        id: 0,
        action: 'import',
        summary: origin,
        username: '',
        createdAt: row.created_at,
        changes: [],
      });
    }
    return { items };
  }
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function parseObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const ignoredFields = new Set(['id', 'version']);

function diffFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !ignoredFields.has(k),
  );
  return keys
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
