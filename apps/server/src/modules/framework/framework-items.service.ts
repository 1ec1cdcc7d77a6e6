import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FrameworkRequirementRow } from '../../db/schema-framework';
import { AppError, conflict, notFound, versionConflict } from '../../errors/app-error';
import { isoNow } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import type { FrameworkServiceDeps } from './framework.service';
import {
  presentAlias,
  presentAreas,
  presentRequirement,
  requirementSnapshot,
} from './framework.presenter';
import type {
  AreaDto,
  CreateRequirementInput,
  RequirementDto,
  SubtypeAliasDto,
  UpdateRequirementInput,
} from './framework.schema';

const json = (value: readonly string[]) => JSON.stringify(value);

/**
 * Areas, requirements and subtype aliases of a framework: organization-wide configuration like
 * the frameworks themselves. Every write is logged in its transaction.
 */
export class FrameworkItemsService {
  constructor(private readonly deps: FrameworkServiceDeps) {}

  async addArea(
    actor: Actor,
    frameworkId: number,
    input: { name: string; sortOrder?: number | undefined },
  ): Promise<AreaDto> {
    const { db, frameworks, audit, clock } = this.deps;
    const id = await db.transaction().execute(async (trx) => {
      if (!(await frameworks.find(frameworkId, trx))) throw notFound('框架不存在');
      if (await frameworks.findAreaByName(frameworkId, input.name, trx))
        throw conflict(`领域「${input.name}」已存在`);
      const areaId = await frameworks.insertArea(
        { framework_id: frameworkId, name: input.name, sort_order: input.sortOrder ?? 0 },
        isoNow(clock),
        trx,
      );
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'framework_area',
          entityId: areaId,
          summary: `新增框架领域「${input.name}」`,
          after: input,
        },
        trx,
      );
      return areaId;
    });
    return this.area(id);
  }

  async updateArea(
    actor: Actor,
    id: number,
    input: { version: number; name?: string | undefined; sortOrder?: number | undefined },
  ): Promise<AreaDto> {
    const { db, frameworks, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const area = await frameworks.findArea(id, trx);
      if (!area) throw notFound('领域不存在');
      if (
        input.name !== undefined &&
        input.name !== area.name &&
        (await frameworks.findAreaByName(area.framework_id, input.name, trx))
      ) {
        throw conflict(`领域「${input.name}」已存在`);
      }
      const changes = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      };
      if (!(await frameworks.updateArea(id, input.version, changes, isoNow(clock), trx)))
        throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'framework_area',
          entityId: id,
          summary: `修改框架领域「${area.name}」`,
          before: { name: area.name, sortOrder: area.sort_order },
          after: changes,
        },
        trx,
      );
    });
    return this.area(id);
  }

  /** Refused while the area still holds requirements, so nothing is deleted by surprise. */
  async removeArea(actor: Actor, id: number): Promise<void> {
    const { db, frameworks, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const area = await frameworks.findArea(id, trx);
      if (!area) throw notFound('领域不存在');
      if ((await frameworks.countRequirementsInArea(id, trx)) > 0)
        throw conflict('该领域下还有要求，请先删除或移走这些要求');
      await frameworks.deleteArea(id, trx);
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'framework_area',
          entityId: id,
          summary: `删除框架领域「${area.name}」`,
        },
        trx,
      );
    });
  }

  private async area(id: number): Promise<AreaDto> {
    const area = await this.deps.frameworks.findArea(id);
    if (!area) throw notFound('领域不存在');
    const requirements = await this.deps.frameworks.requirements(area.framework_id);
    const [dto] = presentAreas([area], requirements);
    if (!dto) throw notFound('领域不存在');
    return dto;
  }

  async addRequirement(
    actor: Actor,
    frameworkId: number,
    input: CreateRequirementInput,
  ): Promise<RequirementDto> {
    const { db, frameworks, audit, clock } = this.deps;
    const row = await db.transaction().execute(async (trx) => {
      if (!(await frameworks.find(frameworkId, trx))) throw notFound('框架不存在');
      await this.areaOf(frameworkId, input.areaId, trx);
      if (await frameworks.findRequirementByCode(frameworkId, input.code, trx))
        throw conflict(`编码「${input.code}」已被使用`);
      const id = await frameworks.insertRequirement(
        {
          framework_id: frameworkId,
          area_id: input.areaId,
          code: input.code,
          title: input.title,
          description: input.description ?? '',
          cadence: input.cadence,
          min_count: input.minCount ?? 1,
          deadlines: json(input.deadlines ?? []),
          tracking: input.tracking,
          evidence_types: json(input.evidenceTypes ?? []),
          evidence_subtypes: json(input.evidenceSubtypes ?? []),
          require_attendance: input.requireAttendance ? 1 : 0,
          count_scope: input.countScope ?? 'unit',
          unit_types: json(input.unitTypes ?? []),
          sort_order: input.sortOrder ?? 0,
        },
        isoNow(clock),
        trx,
      );
      const created = await this.requirementRow(id, trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'framework_requirement',
          entityId: id,
          summary: `新增框架要求「${input.title}」`,
          after: requirementSnapshot(created),
        },
        trx,
      );
      return created;
    });
    return presentRequirement(row);
  }

  async updateRequirement(
    actor: Actor,
    id: number,
    input: UpdateRequirementInput,
  ): Promise<RequirementDto> {
    const { db, frameworks, audit, clock } = this.deps;
    const row = await db.transaction().execute(async (trx) => {
      const before = await this.requirementRow(id, trx);
      if (input.areaId !== undefined) await this.areaOf(before.framework_id, input.areaId, trx);
      const changes = {
        ...(input.areaId !== undefined ? { area_id: input.areaId } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.cadence !== undefined ? { cadence: input.cadence } : {}),
        ...(input.minCount !== undefined ? { min_count: input.minCount } : {}),
        ...(input.deadlines !== undefined ? { deadlines: json(input.deadlines) } : {}),
        ...(input.tracking !== undefined ? { tracking: input.tracking } : {}),
        ...(input.evidenceTypes !== undefined ? { evidence_types: json(input.evidenceTypes) } : {}),
        ...(input.evidenceSubtypes !== undefined
          ? { evidence_subtypes: json(input.evidenceSubtypes) }
          : {}),
        ...(input.countScope !== undefined ? { count_scope: input.countScope } : {}),
        ...(input.requireAttendance !== undefined
          ? { require_attendance: input.requireAttendance ? 1 : 0 }
          : {}),
        ...(input.unitTypes !== undefined ? { unit_types: json(input.unitTypes) } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      };
      if (!(await frameworks.updateRequirement(id, input.version, changes, isoNow(clock), trx)))
        throw versionConflict();
      const after = await this.requirementRow(id, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'framework_requirement',
          entityId: id,
          summary: `修改框架要求「${before.title}」`,
          before: requirementSnapshot(before),
          after: requirementSnapshot(after),
        },
        trx,
      );
      return after;
    });
    return presentRequirement(row);
  }

  async removeRequirement(actor: Actor, id: number): Promise<void> {
    const { db, frameworks, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await this.requirementRow(id, trx);
      await frameworks.deleteRequirement(id, trx);
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'framework_requirement',
          entityId: id,
          summary: `删除框架要求「${before.title}」`,
          before: requirementSnapshot(before),
        },
        trx,
      );
    });
  }

  private async requirementRow(
    id: number,
    trx: Kysely<Database>,
  ): Promise<FrameworkRequirementRow> {
    const row = await this.deps.frameworks.findRequirement(id, trx);
    if (!row) throw notFound('框架要求不存在');
    return row;
  }

  private async areaOf(frameworkId: number, areaId: number, trx: Kysely<Database>) {
    const area = await this.deps.frameworks.findArea(areaId, trx);
    if (!area || area.framework_id !== frameworkId) {
      throw new AppError('VALIDATION_FAILED', '所属领域不存在或不属于该框架', [
        { path: 'areaId', message: '领域不存在' },
      ]);
    }
    return area;
  }

  async aliases(): Promise<SubtypeAliasDto[]> {
    return (await this.deps.frameworks.aliases()).map(presentAlias);
  }

  async addAlias(
    actor: Actor,
    input: { alias: string; canonical: string },
  ): Promise<SubtypeAliasDto> {
    const { db, frameworks, audit, clock } = this.deps;
    if (input.alias === input.canonical)
      throw new AppError('VALIDATION_FAILED', '别名与标准子类相同', [
        { path: 'alias', message: '别名与标准子类相同' },
      ]);
    const id = await db.transaction().execute(async (trx) => {
      if (await frameworks.findAliasByText(input.alias, trx))
        throw conflict(`别名「${input.alias}」已存在`);
      const aliasId = await frameworks.insertAlias(
        input.alias,
        input.canonical,
        isoNow(clock),
        trx,
      );
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'subtype_alias',
          entityId: aliasId,
          summary: `新增子类别名「${input.alias}」→「${input.canonical}」`,
          after: input,
        },
        trx,
      );
      return aliasId;
    });
    return { id, ...input };
  }

  async removeAlias(actor: Actor, id: number): Promise<void> {
    const { db, frameworks, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const alias = await frameworks.findAlias(id, trx);
      if (!alias) throw notFound('别名不存在');
      await frameworks.deleteAlias(id, trx);
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'subtype_alias',
          entityId: id,
          summary: `删除子类别名「${alias.alias}」`,
          before: presentAlias(alias),
        },
        trx,
      );
    });
  }
}
