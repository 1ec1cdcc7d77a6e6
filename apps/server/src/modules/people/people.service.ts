import type { Kysely } from 'kysely';
import type { Database, PersonRow } from '../../db/schema';
import { AppError, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Page } from '../../shared/pagination';
import { parseSort } from '../../shared/pagination';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import type { UnitsRepository } from '../units/units.repository';
import type { PeopleRepository, PersonWithUnit } from './people.repository';
import type { PersonDto } from './people.schema';

export interface PeopleServiceDeps {
  db: Kysely<Database>;
  people: PeopleRepository;
  units: UnitsRepository;
  audit: AuditService;
  clock: Clock;
}

export interface PersonInput {
  unitId: number;
  name: string;
  post?: string | undefined;
  gender?: string | null | undefined;
  phone?: string | null | undefined;
  remark?: string | undefined;
}

export interface PeopleListQuery {
  unitId?: number | undefined;
  includeSubunits?: boolean | undefined;
  keyword?: string | undefined;
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

const sortable = {
  name: 'name',
  post: 'post',
  createdAt: 'created_at',
  unitId: 'unit_id',
} as const;

function present(row: PersonWithUnit): PersonDto {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    name: row.name,
    post: row.post,
    gender: row.gender,
    phone: row.phone,
    remark: row.remark,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function snapshot(row: PersonRow) {
  return {
    id: row.id,
    unitId: row.unit_id,
    name: row.name,
    post: row.post,
    gender: row.gender,
    phone: row.phone,
    remark: row.remark,
    version: row.version,
  };
}

/** People in their work roles (name, post, unit); nothing about their opinions. */
export class PeopleService {
  constructor(private readonly deps: PeopleServiceDeps) {}

  async list(actor: Actor, query: PeopleListQuery): Promise<Page<PersonDto>> {
    let unit: { id: number; path: string; includeSubunits: boolean } | undefined;
    if (query.unitId) {
      const row = await this.deps.units.findVisible(actor, query.unitId);
      if (!row) throw notFound('单位不存在或无权访问');
      unit = { id: row.id, path: row.path, includeSubunits: query.includeSubunits ?? false };
    }
    const sort = parseSort(query.sort, sortable, { column: 'unit_id', direction: 'asc' });
    const { rows, total } = await this.deps.people.list(actor, {
      unit,
      keyword: query.keyword,
      page: query.page,
      pageSize: query.pageSize,
      sort,
    });
    return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<PersonDto> {
    const row = await this.deps.people.findVisible(actor, id);
    if (!row) throw notFound('人员不存在或无权访问');
    return present(row);
  }

  private async assertUnitInScope(
    actor: Actor,
    unitId: number,
    trx: Kysely<Database>,
  ): Promise<void> {
    const unit = await this.deps.units.findLive(unitId, trx);
    if (!unit || !unitPathInScope(actor, unit.path)) {
      throw new AppError('VALIDATION_FAILED', '所属单位不存在或无权访问', [
        { path: 'unitId', message: '所属单位不存在或无权访问' },
      ]);
    }
  }

  async create(actor: Actor, input: PersonInput): Promise<PersonDto> {
    const { db, people, audit, clock } = this.deps;
    const id = await db.transaction().execute(async (trx) => {
      await this.assertUnitInScope(actor, input.unitId, trx);
      const values = {
        unit_id: input.unitId,
        name: input.name,
        post: input.post ?? '',
        gender: input.gender ?? null,
        phone: input.phone ?? null,
        remark: input.remark ?? '',
      };
      const newId = await people.insert(values, actor.userId, isoNow(clock), trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'person',
          entityId: newId,
          summary: `新增人员「${input.name}」`,
          after: { id: newId, ...values },
        },
        trx,
      );
      return newId;
    });
    return this.get(actor, id);
  }

  async update(
    actor: Actor,
    id: number,
    input: Partial<PersonInput> & { version: number },
  ): Promise<PersonDto> {
    const { db, people, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await people.findVisible(actor, id, trx);
      if (!before) throw notFound('人员不存在或无权访问');
      if (before.version !== input.version) throw versionConflict();
      if (input.unitId !== undefined && input.unitId !== before.unit_id)
        await this.assertUnitInScope(actor, input.unitId, trx);
      const ok = await people.update(
        id,
        input.version,
        {
          ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.post !== undefined ? { post: input.post } : {}),
          ...(input.gender !== undefined ? { gender: input.gender } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.remark !== undefined ? { remark: input.remark } : {}),
        },
        isoNow(clock),
        trx,
      );
      if (!ok) throw versionConflict();
      const after = await people.findVisible(actor, id, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'person',
          entityId: id,
          summary: `修改人员「${before.name}」`,
          before: snapshot(before),
          after: after && snapshot(after),
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, people, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await people.findVisible(actor, id, trx);
      if (!before) throw notFound('人员不存在或无权访问');
      const now = isoNow(clock);
      const ok = await people.update(id, before.version, { deleted_at: now }, now, trx);
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'person',
          entityId: id,
          summary: `删除人员「${before.name}」`,
          before: snapshot(before),
        },
        trx,
      );
    });
  }
}
