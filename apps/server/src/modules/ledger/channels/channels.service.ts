import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { ChannelRow } from '../../../db/schema-ledger';
import { invalid } from '../../../errors/app-error';
import type { Clock } from '../../../shared/clock';
import type { Page } from '../../../shared/pagination';
import type { Actor } from '../../access/data-scope';
import { unitPathInScope } from '../../access/data-scope';
import type { AuditService } from '../../audit/audit.service';
import { liveUnitInScope, unitFilterOf } from '../../units/unit-scope';
import type { UnitsRepository } from '../../units/units.repository';
import type { RowKind } from '../../versioned-rows/audited-rows';
import { AuditedRows } from '../../versioned-rows/audited-rows';
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

/** How the operation log names a channel. */
function label(row: Pick<ChannelRow, 'name'>): string {
  return `阵地「${row.name}」`;
}

const channelKind: RowKind<ChannelWithNames> = {
  entity: 'channel',
  notFoundMessage: '阵地不存在或无权访问',
  label,
  snapshot,
};

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
  private readonly audited: AuditedRows<ChannelWithNames>;

  constructor(private readonly deps: ChannelsServiceDeps) {
    this.audited = new AuditedRows(channelKind, deps.audit, deps.clock);
  }

  async list(actor: Actor, query: ChannelListQuery): Promise<Page<ChannelDto>> {
    const unit = await unitFilterOf(this.deps.units, actor, query);
    const { rows, total } = await this.deps.channels.list(
      actor,
      { unit, status: query.status, keyword: query.keyword },
      query.page,
      query.pageSize,
    );
    return { items: rows.map(presentChannel), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: number): Promise<ChannelDto> {
    return presentChannel(this.audited.found(await this.deps.channels.findVisible(actor, id)));
  }

  /** Checks the unit and the owner (a live person the actor can see). */
  async checkReferences(actor: Actor, input: ChannelInput, trx: Kysely<Database>): Promise<void> {
    if (!(await liveUnitInScope(this.deps.units, actor, input.unitId, trx)))
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
    return this.audited.insert(actor, trx, this.deps.channels, {
      values: channelValues(input, meta),
      createdBy: createdByOf(actor),
      summary: `登记${label(input)}`,
      log: meta.audit !== false,
    });
  }

  async create(actor: Actor, input: ChannelInput): Promise<ChannelDto> {
    const id = await this.deps.db
      .transaction()
      .execute((trx) => this.insertRecord(actor, input, trx));
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, patch: UpdateChannelInput): Promise<ChannelDto> {
    const { db, channels } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = this.audited.found(await channels.findVisible(actor, id, trx), patch.version);
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
      await this.audited.saveUpdate(
        actor,
        trx,
        before,
        (now) => channels.update(id, patch.version, values, now, trx),
        () => channels.findVisible(actor, id, trx),
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, channels } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = this.audited.found(await channels.findVisible(actor, id, trx));
      await this.audited.softDelete(actor, trx, before, channels);
    });
  }
}
