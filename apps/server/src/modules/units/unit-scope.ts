import type { Kysely } from 'kysely';
import type { Database, UnitRow } from '../../db/schema';
import { notFound } from '../../errors/app-error';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { UnitFilter } from '../versioned-rows/versioned-row-sql';
import type { UnitsRepository } from './units.repository';

/** The live unit `id` if it lies in the actor's data scope; callers choose the error otherwise. */
export async function liveUnitInScope(
  units: Pick<UnitsRepository, 'findLive'>,
  actor: Actor,
  id: number,
  trx: Kysely<Database>,
): Promise<UnitRow | undefined> {
  const unit = await units.findLive(id, trx);
  return unit && unitPathInScope(actor, unit.path) ? unit : undefined;
}

/** The unit a list query asks for; one the actor cannot see is a 404, like any hidden row. */
export async function unitFilterOf(
  units: Pick<UnitsRepository, 'findVisible'>,
  actor: Actor,
  query: { unitId?: number | undefined; includeSubunits?: boolean | undefined },
): Promise<UnitFilter | undefined> {
  if (!query.unitId) return undefined;
  const row = await units.findVisible(actor, query.unitId);
  if (!row) throw notFound('单位不存在或无权访问');
  return { id: row.id, path: row.path, includeSubunits: query.includeSubunits ?? false };
}
