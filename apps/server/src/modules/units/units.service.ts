import type { Kysely } from 'kysely';
import type { Database, UnitRow } from '../../db/schema';
import { AppError, conflict, invalid } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Page } from '../../shared/pagination';
import { parseSort } from '../../shared/pagination';
import type { Actor } from '../access/data-scope';
import { isPathWithin } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import type { RowKind } from '../versioned-rows/audited-rows';
import { AuditedRows } from '../versioned-rows/audited-rows';
import { liveUnitInScope } from './unit-scope';
import type { UnitsRepository } from './units.repository';
import { buildUnitForest, presentUnit, unitSnapshot } from './units.presenter';
import type { UnitDto, UnitNode } from './units.schema';

export interface UnitsServiceDeps {
  db: Kysely<Database>;
  units: UnitsRepository;
  audit: AuditService;
  clock: Clock;
}

export interface UnitInput {
  parentId: number;
  name: string;
  type: string;
  sortOrder?: number | undefined;
  remark?: string | undefined;
}

export interface UnitListQuery {
  keyword?: string | undefined;
  type?: string | undefined;
  parentId?: number | undefined;
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

const sortable = {
  name: 'name',
  sortOrder: 'sort_order',
  createdAt: 'created_at',
  path: 'path',
} as const;

/** How the operation log names a unit. */
function label(row: Pick<UnitRow, 'name'>): string {
  return `单位「${row.name}」`;
}

const unitKind: RowKind<UnitRow> = {
  entity: 'unit',
  notFoundMessage: '单位不存在或无权访问',
  label,
  snapshot: unitSnapshot,
};

/** The unit tree: every read and write checked against the actor's data scope. */
export class UnitsService {
  private readonly audited: AuditedRows<UnitRow>;

  constructor(private readonly deps: UnitsServiceDeps) {
    this.audited = new AuditedRows(unitKind, deps.audit, deps.clock);
  }

  async tree(actor: Actor): Promise<UnitNode[]> {
    return buildUnitForest(await this.deps.units.visibleForTree(actor));
  }

  async list(actor: Actor, query: UnitListQuery): Promise<Page<UnitDto>> {
    const sort = parseSort(query.sort, sortable, { column: 'path', direction: 'asc' });
    const { rows, total } = await this.deps.units.list(actor, { ...query, sort });
    return { items: rows.map(presentUnit), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<UnitDto> {
    return presentUnit(this.audited.found(await this.deps.units.findVisible(actor, id)));
  }

  /** A unit the actor may write to (a unit it can see), else 404; given `version`, else 409. */
  private async writableUnit(actor: Actor, id: number, trx: Kysely<Database>, version?: number) {
    return this.audited.found(await liveUnitInScope(this.deps.units, actor, id, trx), version);
  }

  async create(actor: Actor, input: UnitInput): Promise<UnitDto> {
    const { db, units, clock } = this.deps;
    const id = await db.transaction().execute(async (trx) => {
      const parent = await liveUnitInScope(units, actor, input.parentId, trx);
      if (!parent) {
        throw new AppError('VALIDATION_FAILED', '上级单位不存在或无权在其下新增单位', [
          { path: 'parentId', message: '上级单位不存在或无权访问' },
        ]);
      }
      if (actor.dataScope === 'unit' || actor.dataScope === 'self') {
        throw new AppError('FORBIDDEN', '当前数据权限仅限本单位，不能新增下级单位');
      }
      const newId = await units.insert(
        {
          parent,
          name: input.name,
          type: input.type,
          sort_order: input.sortOrder ?? 0,
          remark: input.remark ?? '',
          created_by: actor.userId,
        },
        isoNow(clock),
        trx,
      );
      const created = await units.findLive(newId, trx);
      const summary = `新增${label(input)}`;
      await this.audited.logCreate(actor, trx, {
        id: newId,
        summary,
        after: created && unitSnapshot(created),
      });
      return newId;
    });
    return this.get(actor, id);
  }

  async update(
    actor: Actor,
    id: number,
    input: Partial<UnitInput> & { version: number },
  ): Promise<UnitDto> {
    const { db, units } = this.deps;
    await db.transaction().execute(async (trx) => {
      const unit = await this.writableUnit(actor, id, trx, input.version);
      if (input.parentId !== undefined && input.parentId !== unit.parent_id) {
        if (unit.parent_id === null) throw conflict('根单位不能移动');
        const parent = await liveUnitInScope(units, actor, input.parentId, trx);
        if (!parent) throw invalid('parentId', '上级单位不存在或无权访问');
        if (isPathWithin(parent.path, unit.path))
          throw conflict('不能把单位移动到它自己或它的下级单位之下');
        await units.move(unit, parent, trx);
      }
      const values = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        ...(input.remark !== undefined ? { remark: input.remark } : {}),
      };
      await this.audited.saveUpdate(
        actor,
        trx,
        unit,
        (now) => units.update(id, input.version, values, now, trx),
        () => units.findLive(id, trx),
      );
    });
    return this.get(actor, id);
  }

  /** Soft delete; refused while the unit has live sub-units or people. */
  async remove(actor: Actor, id: number): Promise<void> {
    const { db, units } = this.deps;
    await db.transaction().execute(async (trx) => {
      const unit = await this.writableUnit(actor, id, trx);
      if (unit.parent_id === null) throw conflict('根单位不能删除');
      if (unit.id === actor.unitId) throw conflict('不能删除自己所在的单位');
      const detail = await units.findVisible(actor, id, trx);
      if ((detail?.child_count ?? 0) > 0)
        throw conflict('该单位下还有下级单位，请先删除或移走下级单位');
      if ((detail?.people_count ?? 0) > 0) throw conflict('该单位下还有人员，请先删除或调出人员');
      await this.audited.softDelete(actor, trx, unit, units);
    });
  }
}
