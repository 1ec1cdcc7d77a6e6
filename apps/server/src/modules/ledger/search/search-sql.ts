import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { DialectName } from '../../../db/database';
import type { SearchToken } from './search-tokens';

/**
 * The one place where full-text search SQL differs by dialect: a condition that the activity
 * whose id is in `idColumn` matches every token. SQLite asks the FTS5 table; PostgreSQL uses
 * the GIN expression index on `to_tsvector('simple', search_text)`.
 */
export function activityMatches(
  dialect: DialectName,
  idColumn: string,
  searchColumn: string,
  tokens: readonly SearchToken[],
): RawBuilder<SqlBool> {
  if (tokens.length === 0) return sql<SqlBool>`1 = 1`;
  if (dialect === 'postgres') {
    const query = tokens.map((t) => `'${t.text}'${t.prefix ? ':*' : ''}`).join(' & ');
    return sql<SqlBool>`to_tsvector('simple', ${sql.ref(searchColumn)}) @@ to_tsquery('simple', ${query})`;
  }
  const query = tokens.map((t) => `"${t.text}"${t.prefix ? '*' : ''}`).join(' AND ');
  return sql<SqlBool>`${sql.ref(idColumn)} in (select rowid from activities_fts where activities_fts match ${query})`;
}
