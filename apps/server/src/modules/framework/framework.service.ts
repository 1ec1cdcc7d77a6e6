import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FrameworkRow } from '../../db/schema-framework';
import { AppError, conflict, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import type { FrameworkRepository } from './framework.repository';
import { presentAreas, presentFrameworkSummary } from './framework.presenter';
import type { FrameworkDto, FrameworkSummaryDto } from './framework.schema';
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
}
