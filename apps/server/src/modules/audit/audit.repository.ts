import type { Kysely } from 'kysely';
import type { Database, LoginLogRow, OperationLogRow } from '../../db/schema';
import { offsetOf } from '../../shared/pagination';

export interface NewOperationLog {
  userId: number | null;
  username: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  ip: string;
  createdAt: string;
}

export interface OperationLogFilter {
  username?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface LoginLogFilter {
  username?: string | undefined;
  success?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** The login log and the operation log: insert and read, nothing else (append-only). */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertOperation(entry: NewOperationLog, trx: Kysely<Database> = this.db): Promise<void> {
    await trx
      .insertInto('operation_logs')
      .values({
        user_id: entry.userId,
        username: entry.username,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        summary: entry.summary,
        before_json:
          entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
        after_json:
          entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
        ip: entry.ip,
        created_at: entry.createdAt,
      })
      .execute();
  }

  async insertLogin(entry: {
    username: string;
    ip: string;
    userAgent: string;
    success: boolean;
    message: string;
    createdAt: string;
  }): Promise<void> {
    await this.db
      .insertInto('login_logs')
      .values({
        username: entry.username,
        ip: entry.ip,
        user_agent: entry.userAgent,
        success: entry.success ? 1 : 0,
        message: entry.message,
        created_at: entry.createdAt,
      })
      .execute();
  }

  async listOperations(
    filter: OperationLogFilter,
  ): Promise<{ rows: OperationLogRow[]; total: number }> {
    let query = this.db.selectFrom('operation_logs');
    if (filter.username) query = query.where('username', '=', filter.username);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.entity) query = query.where('entity', '=', filter.entity);
    if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
    if (filter.from) query = query.where('created_at', '>=', filter.from);
    if (filter.to) query = query.where('created_at', '<', filter.to);
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('id', 'desc')
        .limit(filter.pageSize)
        .offset(offsetOf(filter.page, filter.pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async listLogins(filter: LoginLogFilter): Promise<{ rows: LoginLogRow[]; total: number }> {
    let query = this.db.selectFrom('login_logs');
    if (filter.username) query = query.where('username', '=', filter.username);
    if (filter.success !== undefined) query = query.where('success', '=', filter.success ? 1 : 0);
    if (filter.from) query = query.where('created_at', '>=', filter.from);
    if (filter.to) query = query.where('created_at', '<', filter.to);
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('id', 'desc')
        .limit(filter.pageSize)
        .offset(offsetOf(filter.page, filter.pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }
}
