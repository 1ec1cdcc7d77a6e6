import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column contains text`, case-insensitive for Latin letters, literal for `%` and `_`, the same
 * on SQLite and PostgreSQL. Column names come from repositories, never from users.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
