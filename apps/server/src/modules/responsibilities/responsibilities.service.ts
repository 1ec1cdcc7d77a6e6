import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, conflict, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import { parseStringArray } from '../../shared/json-column';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import type { PeopleRepository } from '../people/people.repository';
import type { UnitsRepository } from '../units/units.repository';
import type {
  ResponsibilitiesRepository,
  ResponsibilityWithPerson,
} from './responsibilities.repository';
import type { ResponsibilityDto } from './responsibilities.schema';

export interface ResponsibilitiesServiceDeps {
  db: Kysely<Database>;
  responsibilities: ResponsibilitiesRepository;
  people: PeopleRepository;
  units: UnitsRepository;
  audit: AuditService;
  clock: Clock;
}

function present(row: ResponsibilityWithPerson): ResponsibilityDto {
  return {
    id: row.id,
    unitId: row.unit_id,
    personId: row.person_id,
    personName: row.person_name,
    post: row.post,
    role: row.role,
    areas: parseStringArray(row.areas),
    year: row.year,
    version: row.version,
  };
}

/** Responsibility assignments per year: 第一责任人, 直接责任人 with 分管领域, 一岗双责. */
export class ResponsibilitiesService {
  constructor(private readonly deps: ResponsibilitiesServiceDeps) {}

  async list(
    actor: Actor,
    filter: { unitId?: number | undefined; year?: number | undefined },
  ): Promise<{ items: ResponsibilityDto[] }> {
    return { items: (await this.deps.responsibilities.list(actor, filter)).map(present) };
  }

  async create(
    actor: Actor,
    input: { unitId: number; personId: number; role: string; areas: string[]; year: number },
  ): Promise<ResponsibilityDto> {
    const { db, responsibilities, people, units, audit, clock } = this.deps;
    const id = await db.transaction().execute(async (trx) => {
      const unit = await units.findLive(input.unitId, trx);
      if (!unit || !unitPathInScope(actor, unit.path)) {
        throw new AppError('VALIDATION_FAILED', '单位不存在或无权访问', [
          { path: 'unitId', message: '单位不存在或无权访问' },
        ]);
      }
      const person = await people.findVisible(actor, input.personId, trx);
      if (!person || person.unit_id !== input.unitId) {
        throw new AppError('VALIDATION_FAILED', '人员不存在或不属于该单位', [
          { path: 'personId', message: '人员不存在或不属于该单位' },
        ]);
      }
      if (input.role === '直接责任人' && input.areas.length === 0) {
        throw new AppError('VALIDATION_FAILED', '直接责任人须填写分管领域', [
          { path: 'areas', message: '直接责任人须填写分管领域' },
        ]);
      }
      if (
        input.role === '第一责任人' &&
        (await responsibilities.findFirstResponsible(input.unitId, input.year, trx))
      ) {
        throw conflict(`${input.year} 年度该单位已有第一责任人`);
      }
      const values = {
        unit_id: input.unitId,
        person_id: input.personId,
        role: input.role,
        areas: JSON.stringify(input.areas),
        year: input.year,
      };
      const newId = await responsibilities.insert(values, actor.userId, isoNow(clock), trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'responsibility',
          entityId: newId,
          summary: `设定 ${input.year} 年度「${person.name}」为${input.role}`,
          after: { ...values, areas: input.areas },
        },
        trx,
      );
      return newId;
    });
    const row = await this.deps.responsibilities.findVisible(actor, id);
    if (!row) throw notFound();
    return present(row);
  }

  async update(
    actor: Actor,
    id: number,
    input: { version: number; role?: string | undefined; areas?: string[] | undefined },
  ): Promise<ResponsibilityDto> {
    const { db, responsibilities, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await responsibilities.findVisible(actor, id, trx);
      if (!before) throw notFound('责任分工不存在或无权访问');
      if (before.version !== input.version) throw versionConflict();
      const ok = await responsibilities.update(
        id,
        input.version,
        {
          ...(input.role ? { role: input.role } : {}),
          ...(input.areas ? { areas: JSON.stringify(input.areas) } : {}),
        },
        isoNow(clock),
        trx,
      );
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'responsibility',
          entityId: id,
          summary: `修改「${before.person_name}」的责任分工`,
          before: present(before),
          after: {
            role: input.role ?? before.role,
            areas: input.areas ?? parseStringArray(before.areas),
          },
        },
        trx,
      );
    });
    const row = await responsibilities.findVisible(actor, id);
    if (!row) throw notFound();
    return present(row);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, responsibilities, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await responsibilities.findVisible(actor, id, trx);
      if (!before) throw notFound('责任分工不存在或无权访问');
      await responsibilities.delete(id, trx);
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'responsibility',
          entityId: id,
          summary: `删除「${before.person_name}」的责任分工`,
          before: present(before),
        },
        trx,
      );
    });
  }
}
