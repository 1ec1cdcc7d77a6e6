import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface ActivityOverrides {
  unitId: number;
  type?: string;
  subtype?: string;
  date: string;
  title?: string;
  attendance?: { name: string; present: boolean }[];
  deleted?: boolean;
}

/** Inserts a ledger record straight into the table, for hand-built compliance cases. */
export async function insertActivity(db: Kysely<Database>, a: ActivityOverrides): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  const { id } = await db
    .insertInto('activities')
    .values({
      unit_id: a.unitId,
      type: a.type ?? 'meeting',
      subtype: a.subtype ?? '形势研判',
      date: a.date,
      title: a.title ?? '测试记录',
      summary: '',
      participants: null,
      topics: '[]',
      attendance: JSON.stringify(a.attendance ?? []),
      speakers: '[]',
      outlet: null,
      link: null,
      audience: null,
      areas: '[]',
      extra: '{}',
      external_id: null,
      search_text: '',
      version: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: a.deleted ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Milliseconds from the clock's current time to 09:00 China time on `date`. */
export function msUntilChinaMorning(now: Date, date: string): number {
  return Date.parse(`${date}T01:00:00.000Z`) - now.getTime();
}
