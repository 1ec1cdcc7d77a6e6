import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { EvidenceRow, EvidenceTable } from '../../../db/schema-ledger';
import type { Actor } from '../../access/data-scope';
import { ownedRowVisible } from '../../access/scope-query';

export type NewEvidence = Omit<Insertable<EvidenceTable>, 'id' | 'deleted_at'>;

/** Evidence links of activity records; the files themselves live in the evidence store. */
export class EvidenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  listForActivity(activityId: number, trx: Kysely<Database> = this.db): Promise<EvidenceRow[]> {
    return trx
      .selectFrom('evidence')
      .selectAll()
      .where('activity_id', '=', activityId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
  }

  /** Live evidence of many records, grouped by record id. */
  async listForActivities(ids: readonly number[]): Promise<Map<number, EvidenceRow[]>> {
    const out = new Map<number, EvidenceRow[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('evidence')
        .selectAll()
        .where('activity_id', 'in', ids.slice(i, i + 500))
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute();
      for (const row of rows) {
        const list = out.get(row.activity_id) ?? [];
        list.push(row);
        out.set(row.activity_id, list);
      }
    }
    return out;
  }

  /** A live evidence link of a live record the actor may see. */
  findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<EvidenceRow | undefined> {
    return trx
      .selectFrom('evidence')
      .innerJoin('activities', 'activities.id', 'evidence.activity_id')
      .selectAll('evidence')
      .where('evidence.id', '=', id)
      .where('evidence.deleted_at', 'is', null)
      .where('activities.deleted_at', 'is', null)
      .where(ownedRowVisible(actor, 'activities.unit_id', 'activities.created_by'))
      .executeTakeFirst();
  }

  async insert(values: NewEvidence, trx: Kysely<Database> = this.db): Promise<number> {
    const { id } = await trx
      .insertInto('evidence')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async softDelete(id: number, now: string, trx: Kysely<Database>): Promise<boolean> {
    const result = await trx
      .updateTable('evidence')
      .set({ deleted_at: now })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
