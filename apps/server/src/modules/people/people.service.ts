import type { Kysely } from 'kysely';
import type { Database, PersonRow } from '../../db/schema';
import { invalid } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import type { Page } from '../../shared/pagination';
import { parseSort } from '../../shared/pagination';
import type { Actor } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import { liveUnitInScope, unitFilterOf } from '../units/unit-scope';
import type { UnitsRepository } from '../units/units.repository';
import type { RowKind } from '../versioned-rows/audited-rows';
import { AuditedRows } from '../versioned-rows/audited-rows';
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

/** How the operation log names a person. */
function label(row: Pick<PersonRow, 'name'>): string {
  return `人员「${row.name}」`;
}

const personKind: RowKind<PersonWithUnit> = {
  entity: 'person',
  notFoundMessage: '人员不存在或无权访问',
  label,
  snapshot,
};

/** People in their work roles (name, post, unit); nothing about their opinions. */
export class PeopleService {
  private readonly audited: AuditedRows<PersonWithUnit>;

  constructor(private readonly deps: PeopleServiceDeps) {
    this.audited = new AuditedRows(personKind, deps.audit, deps.clock);
  }

  async list(actor: Actor, query: PeopleListQuery): Promise<Page<PersonDto>> {
    const unit = await unitFilterOf(this.deps.units, actor, query);
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
    return present(this.audited.found(await this.deps.people.findVisible(actor, id)));
  }

  private async assertUnitInScope(
    actor: Actor,
    unitId: number,
    trx: Kysely<Database>,
  ): Promise<void> {
    if (!(await liveUnitInScope(this.deps.units, actor, unitId, trx)))
      throw invalid('unitId', '所属单位不存在或无权访问');
  }

  async create(actor: Actor, input: PersonInput): Promise<PersonDto> {
    const { db, people } = this.deps;
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
      return this.audited.insert(actor, trx, people, {
        values,
        createdBy: actor.userId,
        summary: `新增${label(input)}`,
      });
    });
    return this.get(actor, id);
  }

  async update(
    actor: Actor,
    id: number,
    input: Partial<PersonInput> & { version: number },
  ): Promise<PersonDto> {
    const { db, people } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = this.audited.found(await people.findVisible(actor, id, trx), input.version);
      if (input.unitId !== undefined && input.unitId !== before.unit_id)
        await this.assertUnitInScope(actor, input.unitId, trx);
      const values = {
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.post !== undefined ? { post: input.post } : {}),
        ...(input.gender !== undefined ? { gender: input.gender } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.remark !== undefined ? { remark: input.remark } : {}),
      };
      await this.audited.saveUpdate(
        actor,
        trx,
        before,
        (now) => people.update(id, input.version, values, now, trx),
        () => people.findVisible(actor, id, trx),
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, people } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = this.audited.found(await people.findVisible(actor, id, trx));
      await this.audited.softDelete(actor, trx, before, people);
    });
  }
}
