import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, conflict, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Page } from '../../shared/pagination';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import type { UnitsRepository } from '../units/units.repository';
import { termListWorkbook } from './proofread-excel';
import type { TermCache } from './term-cache';
import { parseTermFile } from './term-file-parser';
import { presentEntry, presentList, snapshot, toTermEntries } from './term-lists.presenter';
import type { TermListsRepository, TermListWithVersion } from './term-lists.repository';
import type { TermEntryDto, TermListDto, TermListVersionDto } from './term-lists.schema';

export interface TermListsServiceDeps {
  db: Kysely<Database>;
  termLists: TermListsRepository;
  units: UnitsRepository;
  audit: AuditService;
  clock: Clock;
  cache: TermCache;
}

/** Organization term lists: per unit, scoped, versioned by upload, cached compiled. */
export class TermListsService {
  constructor(private readonly deps: TermListsServiceDeps) {}

  async list(actor: Actor, unitId?: number): Promise<TermListDto[]> {
    return (await this.deps.termLists.list(actor, unitId)).map(presentList);
  }

  async get(actor: Actor, id: number): Promise<TermListDto> {
    return presentList(await this.visible(actor, id));
  }

  private async visible(actor: Actor, id: number, trx?: Kysely<Database>) {
    const row = await this.deps.termLists.findVisible(actor, id, trx);
    if (!row) throw notFound('词表不存在或无权访问');
    return row;
  }

  async create(
    actor: Actor,
    input: { unitId?: number | undefined; name: string; remark?: string | undefined },
  ): Promise<TermListDto> {
    const { db, termLists, units, audit, clock } = this.deps;
    const unitId = input.unitId ?? actor.unitId;
    const id = await db.transaction().execute(async (trx) => {
      const unit = await units.findLive(unitId, trx);
      if (!unit || !unitPathInScope(actor, unit.path)) {
        throw new AppError('VALIDATION_FAILED', '所属单位不存在或无权访问', [
          { path: 'unitId', message: '所属单位不存在或无权访问' },
        ]);
      }
      if (await termLists.nameTaken(unitId, input.name, null, trx)) {
        throw conflict(`本单位已有名为“${input.name}”的词表`);
      }
      const newId = await termLists.insertList(
        { unit_id: unitId, name: input.name, remark: input.remark ?? '', created_by: actor.userId },
        isoNow(clock),
        trx,
      );
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'term_list',
          entityId: newId,
          summary: `新建词表「${input.name}」（${unit.name}）`,
          after: { name: input.name, remark: input.remark ?? '', unitId },
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
    input: { name?: string | undefined; remark?: string | undefined; version: number },
  ): Promise<TermListDto> {
    const { db, termLists, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await this.visible(actor, id, trx);
      if (before.version !== input.version) throw versionConflict();
      if (input.name !== undefined && input.name !== before.name) {
        if (await termLists.nameTaken(before.unit_id, input.name, id, trx)) {
          throw conflict(`本单位已有名为“${input.name}”的词表`);
        }
      }
      const ok = await termLists.updateList(
        id,
        input.version,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.remark !== undefined ? { remark: input.remark } : {}),
        },
        isoNow(clock),
        trx,
      );
      if (!ok) throw versionConflict();
      const after = await this.visible(actor, id, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'term_list',
          entityId: id,
          summary: `修改词表「${before.name}」`,
          before: snapshot(before),
          after: snapshot(after),
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  /** Soft delete; versions stay for the record, the compiled cache is freed. */
  async remove(actor: Actor, id: number): Promise<void> {
    const { db, termLists, audit, clock, cache } = this.deps;
    const row = await db.transaction().execute(async (trx) => {
      const before = await this.visible(actor, id, trx);
      const now = isoNow(clock);
      const ok = await termLists.updateList(id, before.version, { deleted_at: now }, now, trx);
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'term_list',
          entityId: id,
          summary: `删除词表「${before.name}」`,
          before: snapshot(before),
        },
        trx,
      );
      return before;
    });
    if (row.current_version_id !== null) cache.evictVersion(row.current_version_id);
  }

  /** Parses an upload and stores it as the list's new current version, all or nothing. */
  async upload(
    actor: Actor,
    id: number,
    file: { fileName: string; bytes: Buffer },
  ): Promise<TermListVersionDto> {
    await this.visible(actor, id);
    const entries = parseTermFile(file.bytes, file.fileName);
    return this.addVersion(actor, id, {
      source: file.fileName.slice(0, 200),
      summary: (list) => `上传词表「${list.name}」（${file.fileName}，${entries.length} 条）`,
      count: entries.length,
      fill: (versionId, trx) => this.deps.termLists.insertEntries(versionId, entries, trx),
      copiedFromId: null,
    });
  }

  /** Makes an earlier version current again by copying it forward as a new version. */
  async rollback(actor: Actor, id: number, versionId: number): Promise<TermListVersionDto> {
    const list = await this.visible(actor, id);
    const target = await this.deps.termLists.findVersion(id, versionId);
    if (!target) throw notFound('词表版本不存在');
    if (target.id === list.current_version_id) throw conflict('该版本已是当前版本');
    return this.addVersion(actor, id, {
      source: `回滚至第 ${target.number} 版`,
      summary: (l) => `回滚词表「${l.name}」至第 ${target.number} 版`,
      count: target.entry_count,
      fill: (newId, trx) => this.deps.termLists.copyEntries(target.id, newId, trx),
      copiedFromId: target.id,
    });
  }

  private async addVersion(
    actor: Actor,
    id: number,
    spec: {
      source: string;
      summary: (list: TermListWithVersion) => string;
      count: number;
      fill: (versionId: number, trx: Kysely<Database>) => Promise<void>;
      copiedFromId: number | null;
    },
  ): Promise<TermListVersionDto> {
    const { db, termLists, audit, clock, cache } = this.deps;
    const now = isoNow(clock);
    const { versionId, previous } = await db.transaction().execute(async (trx) => {
      // Lock the list first so concurrent uploads number their versions one after another.
      if ((await termLists.touch(id, now, trx)) === null) throw notFound('词表不存在或无权访问');
      const list = await this.visible(actor, id, trx);
      const number = await termLists.nextVersionNumber(id, trx);
      const newId = await termLists.insertVersion(
        {
          list_id: id,
          number,
          source: spec.source,
          copied_from_id: spec.copiedFromId,
          entry_count: spec.count,
          created_by: actor.userId,
        },
        now,
        trx,
      );
      await spec.fill(newId, trx);
      await termLists.setCurrentVersion(id, newId, trx);
      await audit.record(
        actor,
        {
          action: spec.copiedFromId === null ? 'import' : 'update',
          entity: 'term_list',
          entityId: id,
          summary: spec.summary(list),
          before: { currentVersionNumber: list.current_number },
          after: { currentVersionNumber: number, entryCount: spec.count },
        },
        trx,
      );
      return { versionId: newId, previous: list.current_version_id };
    });
    if (previous !== null) cache.evictVersion(previous);
    const version = (await this.versions(actor, id)).find((v) => v.id === versionId);
    if (!version) throw notFound('词表版本不存在');
    return version;
  }

  async versions(actor: Actor, id: number): Promise<TermListVersionDto[]> {
    const list = await this.visible(actor, id);
    const rows = await this.deps.termLists.versions(id);
    return rows.map((v) => ({
      id: v.id,
      listId: v.list_id,
      number: v.number,
      source: v.source,
      copiedFromNumber: v.copied_from_number,
      entryCount: v.entry_count,
      current: v.id === list.current_version_id,
      createdBy: v.created_by_name,
      createdAt: v.created_at,
    }));
  }

  private async versionOf(actor: Actor, id: number, versionId: number | undefined) {
    const list = await this.visible(actor, id);
    const wanted = versionId ?? list.current_version_id;
    if (wanted === null) throw notFound('该词表还没有上传词条');
    const version = await this.deps.termLists.findVersion(id, wanted);
    if (!version) throw notFound('词表版本不存在');
    return { list, version };
  }

  async entries(
    actor: Actor,
    id: number,
    query: {
      versionId?: number | undefined;
      keyword?: string | undefined;
      page: number;
      pageSize: number;
    },
  ): Promise<Page<TermEntryDto>> {
    const { version } = await this.versionOf(actor, id, query.versionId);
    const { rows, total } = await this.deps.termLists.entryPage(version.id, query);
    return { items: rows.map(presentEntry), total, page: query.page, pageSize: query.pageSize };
  }

  /** A version as .xlsx in the upload layout. */
  async exportXlsx(
    actor: Actor,
    id: number,
    versionId: number | undefined,
  ): Promise<{ fileName: string; bytes: Buffer }> {
    const { list, version } = await this.versionOf(actor, id, versionId);
    const rows = await this.deps.termLists.allEntries(version.id);
    return {
      fileName: `${list.name}-第${version.number}版.xlsx`,
      bytes: await termListWorkbook(rows),
    };
  }

  /**
   * The compiled union of the current versions of the given lists (all visible to the actor),
   * or of the actor's own unit's lists when `ids` is undefined. Null when there is nothing.
   */
  async compiledFor(actor: Actor, ids: readonly number[] | undefined) {
    const { termLists, cache } = this.deps;
    let lists: TermListWithVersion[];
    if (ids === undefined) {
      lists = await termLists.list(actor, actor.unitId);
    } else {
      const unique = [...new Set(ids)];
      lists = await termLists.findManyVisible(actor, unique);
      if (lists.length !== unique.length) {
        const missing = unique.filter((i) => !lists.some((l) => l.id === i));
        throw notFound(`词表不存在或无权访问（编号 ${missing.join('、')}）`);
      }
    }
    const used = lists.filter((l) => l.current_version_id !== null);
    const summary = used.map((l) => ({
      id: l.id,
      name: l.name,
      versionNumber: l.current_number ?? 0,
    }));
    if (used.length === 0) return { terms: null, lists: summary };
    const terms = await cache.get(
      used.map((l) => l.current_version_id as number),
      async (versionId) => toTermEntries(await termLists.allEntries(versionId)),
    );
    return { terms, lists: summary };
  }
}
