import { sql } from 'kysely';
import type { ExpressionBuilder, Expression, RawBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import { pathUpperBound } from './data-scope';
import type { Actor } from './data-scope';

/** SQL condition: a `units` row is visible to the actor. */
export function unitVisible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'units'>): Expression<SqlBool> => {
    switch (actor.dataScope) {
      case 'all':
        return eb.lit(true);
      case 'unit_and_below':
        return eb.and([
          eb('units.path', '>=', actor.unitPath),
          eb('units.path', '<', pathUpperBound(actor.unitPath)),
        ]);
      case 'unit':
      case 'self':
        return eb('units.id', '=', actor.unitId);
    }
  };
}

/**
 * SQL condition for a row that belongs to a unit (`unitColumn`) and records who created it
 * (`createdByColumn`): visible to the actor under their data scope. Column names come from
 * repositories, never from users.
 */
export function ownedRowVisible(
  actor: Actor,
  unitColumn: string,
  createdByColumn: string | null,
): RawBuilder<SqlBool> {
  const unitRef = sql.ref(unitColumn);
  switch (actor.dataScope) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'unit_and_below':
      return sql<SqlBool>`${unitRef} in (select u_scope.id from units u_scope where u_scope.path >= ${actor.unitPath} and u_scope.path < ${pathUpperBound(actor.unitPath)})`;
    case 'unit':
      return sql<SqlBool>`${unitRef} = ${actor.unitId}`;
    case 'self':
      return createdByColumn
        ? sql<SqlBool>`${sql.ref(createdByColumn)} = ${actor.userId}`
        : sql<SqlBool>`${unitRef} = ${actor.unitId}`;
  }
}
