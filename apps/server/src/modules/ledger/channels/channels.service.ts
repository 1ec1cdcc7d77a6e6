import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { ChannelRow } from '../../../db/schema-ledger';
import { invalid, notFound, versionConflict } from '../../../errors/app-error';
import type { Clock } from '../../../shared/clock';
import { isoNow } from '../../../shared/clock';
import type { Page } from '../../../shared/pagination';
import type { Actor } from '../../access/data-scope';
import { unitPathInScope } from '../../access/data-scope';
import type { AuditService } from '../../audit/audit.service';
import type { UnitsRepository } from '../../units/units.repository';
import { createdByOf } from '../activities/activities.service';
import type { LedgerLookupsRepository } from '../activities/ledger-lookups.repository';
import type {
  ChannelDto,
  ChannelInput,
  ChannelListQuery,
  UpdateChannelInput,
} from './channel.schema';
import type { ChannelValues, ChannelWithNames, ChannelsRepository } from './channels.repository';

export interface ChannelsServiceDeps {
  db: Kysely<Database>;
  channels: ChannelsRepository;
  units: UnitsRepository;
  lookups: LedgerLookupsRepository;
  audit: AuditService;
  clock: Clock;
}

export function presentChannel(row: ChannelWithNames): ChannelDto {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    name: row.name,
    platform: row.platform,
    ownerPersonId: row.owner_person_id,
    ownerName: row.owner_name,
    purpose: row.purpose,
    registered: row.registered,
    status: row.status,
    externalId: row.external_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function snapshot(row: ChannelRow) {
  const { created_at: _c, updated_at: _u, created_by: _b, extra: _e, ...rest } = row;
  return rest;
}

export function channelValues(
  input: ChannelInput,
  meta: { extra?: Record<string, unknown>; externalId?: string | null } = {},
): ChannelValues {
  return {
    unit_id: input.unitId,
    name: input.name,
    platform: input.platform,
    owner_person_id: input.ownerPersonId ?? null,
    purpose: input.purpose ?? '',
    registered: input.registered ?? null,
    status: input.status,
    extra: JSON.stringify(meta.extra ?? {}),
    external_id: meta.externalId ?? null,
  };
}

/** The channel register (阵地台账), scope-checked, every write logged. */
export class ChannelsService {
  constructor(private readonly deps: ChannelsServiceDeps) {}

  async list(actor: Actor, query: ChannelListQuery): Promise<Page<ChannelDto>> {
    let unit: { id: number; path: string; includeSubunits: boolean } | undefined;
    if (query.unitId) {
      const row = await this.deps.units.findVisible(actor, query.unitId);
      if (!row) throw notFound('单位不存在或无权访问');
      unit = { id: row.id, path: row.path, includeSubunits: query.includeSubunits ?? false };
    }
    const { rows, total } = await this.deps.channels.list(
      actor,
      { unit, status: query.status, keyword: query.keyword },
      query.page,
      query.pageSize,
    );
    return { items: rows.map(presentChannel), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<ChannelDto> {
    const row = await this.deps.channels.findVisible(actor, id);
    if (!row) throw notFound('阵地不存在或无权访问');
    return presentChannel(row);
  }

  /** Checks the unit and the owner (a live person the actor can see). */
  async checkReferences(actor: Actor, input: ChannelInput, trx: Kysely<Database>): Promise<void> {
    const unit = await this.deps.units.findLive(input.unitId, trx);
    if (!unit || !unitPathInScope(actor, unit.path))
      throw invalid('unitId', '所属单位不存在或无权在该单位登记阵地');
    if (input.ownerPersonId) {
      const person = (await this.deps.lookups.peopleByIds([input.ownerPersonId], trx)).get(
        input.ownerPersonId,
      );
      if (!person || !unitPathInScope(actor, person.unit_path))
        throw invalid('ownerPersonId', '负责人不存在或无权访问');
    }
  }

  async insertRecord(
    actor: Actor,
    input: ChannelInput,
    trx: Kysely<Database>,
    meta: { extra?: Record<string, unknown>; externalId?: string | null; audit?: boolean } = {},
  ): Promise<number> {
    await this.checkReferences(actor, input, trx);
    const values = channelValues(input, meta);
    const id = await this.deps.channels.insert(
      values,
      createdByOf(actor),
      isoNow(this.deps.clock),
      trx,
    );
    if (meta.audit !== false) {
      await this.deps.audit.record(
        actor,
        {
          action: 'create',
          entity: 'channel',
          entityId: id,
          summary: `登记阵地「${input.name}」`,
          after: { id, ...values },
        },
        trx,
      );
    }
    return id;
  }

  async create(actor: Actor, input: ChannelInput): Promise<ChannelDto> {
    const id = await this.deps.db
      .transaction()
      .execute((trx) => this.insertRecord(actor, input, trx));
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, patch: UpdateChannelInput): Promise<ChannelDto> {
    const { db, channels, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await channels.findVisible(actor, id, trx);
      if (!before) throw notFound('阵地不存在或无权访问');
      if (before.version !== patch.version) throw versionConflict();
      const merged: ChannelInput = {
        unitId: patch.unitId ?? before.unit_id,
        name: patch.name ?? before.name,
        platform: patch.platform ?? before.platform,
        ownerPersonId:
          patch.ownerPersonId !== undefined ? patch.ownerPersonId : before.owner_person_id,
        purpose: patch.purpose ?? before.purpose,
        registered: patch.registered !== undefined ? patch.registered : before.registered,
        status: patch.status ?? (before.status as ChannelInput['status']),
      };
      await this.checkReferences(actor, merged, trx);
      const { extra: _extra, external_id: _ext, ...values } = channelValues(merged);
      if (!(await channels.update(id, patch.version, values, isoNow(clock), trx)))
        throw versionConflict();
      const after = await channels.findVisible(actor, id, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'channel',
          entityId: id,
          summary: `修改阵地「${before.name}」`,
          before: snapshot(before),
          after: after && snapshot(after),
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, channels, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await channels.findVisible(actor, id, trx);
      if (!before) throw notFound('阵地不存在或无权访问');
      const now = isoNow(clock);
      if (!(await channels.update(id, before.version, { deleted_at: now }, now, trx)))
        throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'channel',
          entityId: id,
          summary: `删除阵地「${before.name}」`,
          before: snapshot(before),
        },
        trx,
      );
    });
  }
}
