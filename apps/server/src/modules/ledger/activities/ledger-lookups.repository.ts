import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

export interface PersonRef {
  id: number;
  name: string;
  unit_id: number;
  unit_path: string;
}

/** Read-only look-ups of units and people that ledger writes resolve references against. */
export class LedgerLookupsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async peopleByIds(
    ids: readonly number[],
    trx: Kysely<Database> = this.db,
  ): Promise<Map<number, PersonRef>> {
    const out = new Map<number, PersonRef>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await trx
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select(['people.id', 'people.name', 'people.unit_id', 'units.path as unit_path'])
        .where('people.id', 'in', unique.slice(i, i + 500))
        .where('people.deleted_at', 'is', null)
        .execute();
      for (const row of rows) out.set(row.id, row);
    }
    return out;
  }

  /** Live people of a unit by name (the first one when names repeat). */
  async peopleOfUnitByName(
    unitId: number,
    trx: Kysely<Database> = this.db,
  ): Promise<Map<string, number>> {
    const rows = await trx
      .selectFrom('people')
      .select(['id', 'name'])
      .where('unit_id', '=', unitId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    const out = new Map<string, number>();
    for (const row of rows) if (!out.has(row.name)) out.set(row.name, row.id);
    return out;
  }

  /** Live units by exact name (the first one when names repeat). */
  async unitsByName(
    trx: Kysely<Database> = this.db,
  ): Promise<Map<string, { id: number; path: string }>> {
    const rows = await trx
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    const out = new Map<string, { id: number; path: string }>();
    for (const row of rows)
      if (!out.has(row.name)) out.set(row.name, { id: row.id, path: row.path });
    return out;
  }
}
