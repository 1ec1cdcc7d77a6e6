import type { Kysely } from 'kysely';
import type { Database, PersonRow, ResponsibilityRow, UnitRow } from '../../../db/schema';
import type { ActivityRow, ChannelRow, IncidentRow } from '../../../db/schema-ledger';
import type { Actor } from '../../access/data-scope';
import { pathUpperBound } from '../../access/data-scope';
import { ownedRowVisible, unitVisible } from '../../access/scope-query';

export type RefKind = 'unit' | 'person' | 'responsibility';

/** SQL of the JSON Lines interchange: interchange ids of foundation rows and export reads. */
export class InterchangeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async refsOf(kind: RefKind, trx: Kysely<Database> = this.db): Promise<Map<number, string>> {
    const rows = await trx
      .selectFrom('ledger_refs')
      .select(['entity_id', 'external_id'])
      .where('kind', '=', kind)
      .execute();
    return new Map(rows.map((r) => [r.entity_id, r.external_id]));
  }

  async refOfEntity(
    kind: RefKind,
    entityId: number,
    trx: Kysely<Database>,
  ): Promise<string | undefined> {
    const row = await trx
      .selectFrom('ledger_refs')
      .select('external_id')
      .where('kind', '=', kind)
      .where('entity_id', '=', entityId)
      .executeTakeFirst();
    return row?.external_id;
  }

  async entityOfRef(
    kind: RefKind,
    externalId: string,
    trx: Kysely<Database>,
  ): Promise<number | undefined> {
    const row = await trx
      .selectFrom('ledger_refs')
      .select('entity_id')
      .where('kind', '=', kind)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row?.entity_id;
  }

  /** Remembers the interchange id of a row (one id per row, one row per id). */
  async setRef(
    kind: RefKind,
    entityId: number,
    externalId: string,
    trx: Kysely<Database>,
  ): Promise<void> {
    await trx
      .deleteFrom('ledger_refs')
      .where('kind', '=', kind)
      .where((eb) => eb.or([eb('entity_id', '=', entityId), eb('external_id', '=', externalId)]))
      .execute();
    await trx
      .insertInto('ledger_refs')
      .values({ kind, entity_id: entityId, external_id: externalId })
      .execute();
  }

  liveUnit(id: number, trx: Kysely<Database>): Promise<UnitRow | undefined> {
    return trx
      .selectFrom('units')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  liveUnitByName(name: string, trx: Kysely<Database>): Promise<UnitRow | undefined> {
    return trx
      .selectFrom('units')
      .selectAll()
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
  }

  livePerson(id: number, trx: Kysely<Database>): Promise<PersonRow | undefined> {
    return trx
      .selectFrom('people')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  livePersonByName(
    unitId: number,
    name: string,
    trx: Kysely<Database>,
  ): Promise<PersonRow | undefined> {
    return trx
      .selectFrom('people')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
  }

  responsibility(id: number, trx: Kysely<Database>): Promise<ResponsibilityRow | undefined> {
    return trx.selectFrom('responsibilities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  sameResponsibility(
    values: Pick<ResponsibilityRow, 'unit_id' | 'person_id' | 'role' | 'year'>,
    trx: Kysely<Database>,
  ): Promise<ResponsibilityRow | undefined> {
    return trx
      .selectFrom('responsibilities')
      .selectAll()
      .where('unit_id', '=', values.unit_id)
      .where('person_id', '=', values.person_id)
      .where('role', '=', values.role)
      .where('year', '=', values.year)
      .executeTakeFirst();
  }

  async externalIdsTaken(
    table: 'activities' | 'channels' | 'incidents',
    ids: readonly string[],
    trx: Kysely<Database>,
  ): Promise<Set<string>> {
    const taken = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .selectFrom(table)
        .select('external_id')
        .where('external_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) if (row.external_id) taken.add(row.external_id);
    }
    return taken;
  }

  /** Live units of the export: the subtree of `root` (or everything), within the actor's scope. */
  exportUnits(actor: Actor | null, root: Pick<UnitRow, 'path'> | null): Promise<UnitRow[]> {
    let query = this.db.selectFrom('units').selectAll().where('deleted_at', 'is', null);
    if (actor) query = query.where(unitVisible(actor));
    if (root)
      query = query.where('path', '>=', root.path).where('path', '<', pathUpperBound(root.path));
    return query.orderBy('depth').orderBy('id').execute();
  }

  exportPeople(unitIds: readonly number[]): Promise<PersonRow[]> {
    return this.inChunks(unitIds, (chunk) =>
      this.db
        .selectFrom('people')
        .selectAll()
        .where('unit_id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute(),
    );
  }

  exportResponsibilities(unitIds: readonly number[]): Promise<ResponsibilityRow[]> {
    return this.inChunks(unitIds, (chunk) =>
      this.db.selectFrom('responsibilities').selectAll().where('unit_id', 'in', chunk).execute(),
    );
  }

  /** One batch of live activities after `afterId`, in id order (keyset paging for big exports). */
  exportActivities(
    actor: Actor | null,
    root: Pick<UnitRow, 'path'> | null,
    afterId: number,
    limit: number,
  ): Promise<ActivityRow[]> {
    let query = this.db
      .selectFrom('activities')
      .innerJoin('units', 'units.id', 'activities.unit_id')
      .selectAll('activities')
      .where('activities.deleted_at', 'is', null)
      .where('activities.id', '>', afterId);
    if (actor)
      query = query.where(ownedRowVisible(actor, 'activities.unit_id', 'activities.created_by'));
    if (root)
      query = query
        .where('units.path', '>=', root.path)
        .where('units.path', '<', pathUpperBound(root.path));
    return query.orderBy('activities.id').limit(limit).execute();
  }

  async activityExternalIds(): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('activities')
      .select('external_id')
      .where('external_id', 'is not', null)
      .execute();
    return new Set(rows.flatMap((r) => (r.external_id ? [r.external_id] : [])));
  }

  exportChannels(unitIds: readonly number[]): Promise<ChannelRow[]> {
    return this.inChunks(unitIds, (chunk) =>
      this.db
        .selectFrom('channels')
        .selectAll()
        .where('unit_id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute(),
    );
  }

  exportIncidents(unitIds: readonly number[]): Promise<IncidentRow[]> {
    return this.inChunks(unitIds, (chunk) =>
      this.db
        .selectFrom('incidents')
        .selectAll()
        .where('unit_id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute(),
    );
  }

  private async inChunks<T extends { id: number }>(
    ids: readonly number[],
    read: (chunk: number[]) => Promise<T[]>,
  ): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
    return out.sort((a, b) => a.id - b.id);
  }
}
