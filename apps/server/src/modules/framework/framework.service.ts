import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FrameworkRequirementRow, FrameworkRow } from '../../db/schema-framework';
import { AppError, conflict, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import type { FrameworkRepository } from './framework.repository';
import {
  presentAlias,
  presentAreas,
  presentFrameworkSummary,
  presentRequirement,
  requirementSnapshot,
} from './framework.presenter';
import type {
  AreaDto,
  CreateRequirementInput,
  FrameworkDto,
  FrameworkSummaryDto,
  RequirementDto,
  SubtypeAliasDto,
  UpdateRequirementInput,
} from './framework.schema';
import {
  copyFramework,
  createFrameworkForYear,
  ensureDefaultAliases,
  insertDefaultFramework,
} from './framework-template';

export interface FrameworkServiceDeps {
  db: Kysely<Database>;
  frameworks: FrameworkRepository;
  audit: AuditService;
  clock: Clock;
}

type AuditActor = Pick<Actor, 'userId' | 'username' | 'ip'>;

const json = (value: readonly string[]) => JSON.stringify(value);

/**
 * Frameworks are organization-wide configuration (not unit data): reads need `framework:list`,
 * writes `framework:add|edit|remove`. Every write is logged in its transaction.
 */
export class FrameworkService {
  constructor(private readonly deps: FrameworkServiceDeps) {}

  async list(): Promise<FrameworkSummaryDto[]> {
    return (await this.deps.frameworks.list()).map(presentFrameworkSummary);
  }

  async get(id: number): Promise<FrameworkDto> {
    const { frameworks } = this.deps;
    const [summary] = await frameworks.list(id);
    if (!summary) throw notFound('框架不存在');
    const [areas, requirements] = await Promise.all([
      frameworks.areas(id),
      frameworks.requirements(id),
    ]);
    return { ...presentFrameworkSummary(summary), areas: presentAreas(areas, requirements) };
  }

  /** The framework of a year, created on first use (copied from the latest earlier year, or the default). */
  async getForYear(actor: AuditActor, year: number): Promise<FrameworkDto> {
    const framework = await this.ensureForYear(actor, year);
    return this.get(framework.id);
  }

  async ensureForYear(actor: AuditActor, year: number): Promise<FrameworkRow> {
    const { db, frameworks, audit, clock } = this.deps;
    const existing = await frameworks.findByYear(year);
    if (existing) return existing;
    try {
      await db.transaction().execute(async (trx) => {
        if (await frameworks.findByYear(year, trx)) return;
        const { id, copiedFromYear } = await createFrameworkForYear(
          frameworks,
          year,
          isoNow(clock),
          trx,
        );
        const summary =
          copiedFromYear === null
            ? `按默认框架自动生成 ${year} 年框架`
            : `按 ${copiedFromYear} 年框架自动生成 ${year} 年框架`;
        await audit.record(
          actor,
          { action: 'create', entity: 'framework', entityId: id, summary },
          trx,
        );
      });
    } catch (error) {
      // Two first uses at once: the other one created it.
      const raced = await frameworks.findByYear(year);
      if (raced) return raced;
      throw error;
    }
    const created = await frameworks.findByYear(year);
    if (!created) throw new Error(`framework ${year} vanished`);
    return created;
  }

  async create(
    actor: Actor,
    input: { year: number; name?: string | undefined; copyFromId?: number | undefined },
  ): Promise<FrameworkDto> {
    const { db, frameworks, audit, clock } = this.deps;
    const id = await db.transaction().execute(async (trx) => {
      if (await frameworks.findByYear(input.year, trx))
        throw conflict(`${input.year} 年的框架已存在`);
      const now = isoNow(clock);
      let newId: number;
      if (input.copyFromId !== undefined) {
        const source = await frameworks.find(input.copyFromId, trx);
        if (!source)
          throw new AppError('VALIDATION_FAILED', '要复制的框架不存在', [
            { path: 'copyFromId', message: '框架不存在' },
          ]);
        const name = input.name ?? source.name.replace(String(source.year), String(input.year));
        newId = await copyFramework(
          frameworks,
          source.id,
          input.year,
          name,
          actor.userId,
          now,
          trx,
        );
      } else {
        newId = await insertDefaultFramework(
          frameworks,
          input.year,
          actor.userId,
          now,
          trx,
          input.name,
        );
      }
      await ensureDefaultAliases(frameworks, now, trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'framework',
          entityId: newId,
          summary: `新建 ${input.year} 年框架`,
        },
        trx,
      );
      return newId;
    });
    return this.get(id);
  }

  async rename(
    actor: Actor,
    id: number,
    input: { version: number; name: string },
  ): Promise<FrameworkDto> {
    const { db, frameworks, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const framework = await frameworks.find(id, trx);
      if (!framework) throw notFound('框架不存在');
      if (!(await frameworks.update(id, input.version, { name: input.name }, isoNow(clock), trx)))
        throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'framework',
          entityId: id,
          summary: `修改框架名称「${input.name}」`,
          before: { name: framework.name },
          after: { name: input.name },
        },
        trx,
      );
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, frameworks, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const framework = await frameworks.find(id, trx);
      if (!framework) throw notFound('框架不存在');
      await frameworks.delete(id, trx);
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'framework',
          entityId: id,
          summary: `删除 ${framework.year} 年框架「${framework.name}」`,
        },
        trx,
      );
    });
  }

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
