import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { unitInSelection } from './compliance.repository';
import type { UnitSelection } from './compliance.repository';

/** A live unit of a selection: its ledger revision and, when stored at that revision, its counts. */
export interface StoredCounts {
  unitId: number;
  revision: number;
  counts: number[] | null;
}

export interface FreshCounts {
  unitId: number;
  revision: number;
  counts: readonly number[];
}

/** Rows per INSERT: five parameters a row stays far below both dialects' limits. */
const STORE_CHUNK = 500;

/** SQL over the materialized compliance counts and the units' ledger revisions; no rules here. */
export class ComplianceCountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every live unit of the selection with its current revision and its counts if still valid. */
  async lookup(signature: string, selection: UnitSelection): Promise<StoredCounts[]> {
    const rows = await this.db
      .selectFrom('units')
      .leftJoin('ledger_revisions', 'ledger_revisions.unit_id', 'units.id')
      .leftJoin('compliance_counts', (join) =>
        join
          .onRef('compliance_counts.unit_id', '=', 'units.id')
          .on('compliance_counts.signature', '=', signature),
      )
      .select(['units.id', 'ledger_revisions.revision', 'compliance_counts.counts'])
      .select('compliance_counts.revision as storedRevision')
      .where('units.deleted_at', 'is', null)
      .where(unitInSelection(selection))
      .execute();
    return rows.map((row) => {
      const revision = row.revision ?? 0;
      const valid = row.counts !== null && row.storedRevision === revision;
      return {
        unitId: row.id,
        revision,
        counts: valid ? (JSON.parse(row.counts ?? '[]') as number[]) : null,
      };
    });
  }

  /** Stores counts computed at the given revisions, replacing older ones (ordered by unit). */
  async store(signature: string, rows: readonly FreshCounts[], now: string): Promise<void> {
    const sorted = [...rows].sort((a, b) => a.unitId - b.unitId);
    for (let at = 0; at < sorted.length; at += STORE_CHUNK) {
      await this.db
        .insertInto('compliance_counts')
        .values(
          sorted.slice(at, at + STORE_CHUNK).map((row) => ({
            signature,
            unit_id: row.unitId,
            revision: row.revision,
            counts: JSON.stringify(row.counts),
            computed_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['signature', 'unit_id']).doUpdateSet((eb) => ({
            revision: eb.ref('excluded.revision'),
            counts: eb.ref('excluded.counts'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
    }
  }

  /** Drops counts computed before `before` (column sets no longer asked for); returns how many. */
  async prune(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('compliance_counts')
      .where('computed_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
