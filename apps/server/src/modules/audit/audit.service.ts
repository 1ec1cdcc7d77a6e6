import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import type { AuditRepository } from './audit.repository';

export type AuditAction =
  'create' | 'update' | 'delete' | 'restore' | 'import' | 'login' | 'password' | 'reset-password';

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: number | string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Writes the operation log; callers pass their transaction so the log commits with the change. */
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: Pick<Actor, 'userId' | 'username' | 'ip'>,
    entry: AuditEntry,
    trx?: Kysely<Database>,
  ): Promise<void> {
    await this.repository.insertOperation(
      {
        userId: actor.userId,
        username: actor.username,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId === null ? null : String(entry.entityId),
        summary: entry.summary,
        before: entry.before ?? null,
        after: entry.after ?? null,
        ip: actor.ip,
        createdAt: isoNow(this.clock),
      },
      trx,
    );
  }

  async recordLogin(entry: {
    username: string;
    ip: string;
    userAgent: string;
    success: boolean;
    message: string;
  }): Promise<void> {
    await this.repository.insertLogin({ ...entry, createdAt: isoNow(this.clock) });
  }
}
