import { createHash } from 'node:crypto';
import type { Clock } from '../../shared/clock';
import type { ComplianceCountsRepository } from './compliance-counts.repository';
import type { ComplianceRepository, CountColumn, UnitSelection } from './compliance.repository';

export interface ComplianceCountsDeps {
  compliance: Pick<ComplianceRepository, 'countMatrix'>;
  counts: ComplianceCountsRepository;
  clock: Clock;
  /** Above this many units to count, one subtree query beats listing their ids (default 200). */
  subtreeQueryAbove?: number;
}

/**
 * Bump when what a column counts changes (the SQL of `countMatrix`), so counts stored by an
 * older release are not read as current.
 */
const COUNTING_RULES_VERSION = 1;
/** Rows per id-list query. */
const ID_CHUNK = 500;
/** Counts not recomputed for this long are dropped (their column set is probably no longer asked for). */
const KEEP_DAYS = 30;
const PRUNE_EVERY_MS = 3_600_000;

/** The identity of a list of count columns: equal columns in the same order, equal signature. */
export function countSignature(columns: readonly CountColumn[]): string {
  const spec = columns.map((c) => [c.types, c.subtypes, c.from, c.to, c.requireAttendance]);
  return createHash('sha256')
    .update(JSON.stringify([COUNTING_RULES_VERSION, spec]))
    .digest('base64url');
}

/**
 * Per unit, the number of live records matching each count column — read from counts stored at
 * the unit's current ledger revision where there are some, counted in SQL (and stored) for the
 * units whose records changed since. Exact: a stored row is used only while the database's
 * revision for its unit is the one it was counted at.
 */
export class ComplianceCounts {
  private lastPrune = 0;

  constructor(private readonly deps: ComplianceCountsDeps) {}

  async matrix(
    selection: UnitSelection,
    columns: readonly CountColumn[],
  ): Promise<Map<number, number[]>> {
    const { compliance, counts, clock } = this.deps;
    const signature = countSignature(columns);
    // Revisions are read before counting: a write in between leaves the stored row stale by
    // revision, so it is counted again next time rather than trusted.
    const stored = await counts.lookup(signature, selection);
    const result = new Map<number, number[]>();
    const missing = stored.filter((row) => {
      if (row.counts === null) return true;
      result.set(row.unitId, row.counts);
      return false;
    });
    if (missing.length === 0) return result;
    const computed = new Map<number, number[]>();
    if (missing.length > (this.deps.subtreeQueryAbove ?? 200)) {
      for (const [unitId, row] of await compliance.countMatrix(selection, columns))
        computed.set(unitId, row);
    } else {
      for (let at = 0; at < missing.length; at += ID_CHUNK) {
        const unitIds = missing.slice(at, at + ID_CHUNK).map((row) => row.unitId);
        for (const [unitId, row] of await compliance.countMatrix({ unitIds }, columns))
          computed.set(unitId, row);
      }
    }
    const fresh = missing.map((row) => ({
      unitId: row.unitId,
      revision: row.revision,
      counts: computed.get(row.unitId) ?? new Array<number>(columns.length).fill(0),
    }));
    for (const row of fresh) result.set(row.unitId, row.counts);
    const now = clock.now();
    await counts.store(signature, fresh, now.toISOString());
    if (now.getTime() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now.getTime();
      await counts.prune(new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString());
    }
    return result;
  }
}
