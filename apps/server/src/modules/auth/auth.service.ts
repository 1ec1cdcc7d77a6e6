import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { Database, UserRow } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { parseStringArray } from '../../shared/json-column';
import type { Actor, DataScope } from '../access/data-scope';
import { broadestScope, dataScopes } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import type { RolesRepository } from '../roles/roles.repository';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import { checkPasswordPolicy, hashPassword, verifyDecoy, verifyPassword } from './password';
import type { SessionRepository } from './session.repository';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
// Writing last_seen_at on every request would turn reads into writes; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

export interface AuthenticatedSession {
  sessionId: string;
  actor: Omit<Actor, 'ip'>;
  mustChangePassword: boolean;
  roles: { id: number; name: string }[];
  unitName: string;
}

export interface AuthServiceDeps {
  db: Kysely<Database>;
  users: UsersRepository;
  roles: RolesRepository;
  units: UnitsRepository;
  sessions: SessionRepository;
  audit: AuditService;
  clock: Clock;
  config: Pick<AppConfig, 'sessionIdleMinutes' | 'sessionMaxHours'>;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Login, sessions with idle timeout, lockout and password changes. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /** Checks credentials; on success returns a new session token (to be set as a cookie). */
  async login(
    username: string,
    password: string,
    client: { ip: string; userAgent: string },
  ): Promise<{ token: string; userId: number }> {
    const { users, audit, clock } = this.deps;
    const now = clock.now();
    const logFailure = (message: string) =>
      audit.recordLogin({ username, ...client, success: false, message });
    const user = await users.findLiveByUsername(username);
    if (!user) {
      await verifyDecoy(password);
      await logFailure('用户名或密码错误');
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.locked_until && new Date(user.locked_until) > now) {
      const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
      const message = `账号已锁定，请 ${minutes} 分钟后再试`;
      await logFailure(message);
      throw new AppError('ACCOUNT_LOCKED', message);
    }
    if (user.status !== 'active') {
      await logFailure('账号已停用');
      throw new AppError('ACCOUNT_DISABLED');
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const attempts = user.failed_attempts + 1;
      if (attempts >= MAX_FAILED_LOGINS) {
        const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
        await users.setLoginState(user.id, { failed_attempts: 0, locked_until: lockedUntil });
        const message = `密码连续错误 ${MAX_FAILED_LOGINS} 次，账号已锁定 ${LOCKOUT_MINUTES} 分钟`;
        await logFailure(message);
        throw new AppError('ACCOUNT_LOCKED', message);
      }
      await users.setLoginState(user.id, { failed_attempts: attempts });
      await logFailure('用户名或密码错误');
      throw new AppError(
        'INVALID_CREDENTIALS',
        `用户名或密码错误（还可尝试 ${MAX_FAILED_LOGINS - attempts} 次）`,
      );
    }
    await users.setLoginState(user.id, {
      failed_attempts: 0,
      locked_until: null,
      last_login_at: now.toISOString(),
    });
    const token = await this.createSession(user, client);
    await audit.recordLogin({ username, ...client, success: true, message: '登录成功' });
    return { token, userId: user.id };
  }

  private async createSession(
    user: UserRow,
    client: { ip: string; userAgent: string },
  ): Promise<string> {
    const { sessions, clock, config } = this.deps;
    const token = crypto.randomBytes(32).toString('base64url');
    const now = clock.now();
    await sessions.insert({
      id: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + config.sessionMaxHours * 3_600_000).toISOString(),
      ip: client.ip,
      user_agent: client.userAgent.slice(0, 500),
    });
    return token;
  }

  /** Resolves a session token to the acting user; expired or idle sessions are removed. */
  async authenticate(token: string): Promise<AuthenticatedSession> {
    const { sessions, users, roles, units, clock, config } = this.deps;
    const id = hashToken(token);
    const session = await sessions.findById(id);
    if (!session) throw new AppError('UNAUTHENTICATED');
    const now = clock.now();
    const idleDeadline =
      new Date(session.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000;
    if (now.getTime() > idleDeadline || now > new Date(session.expires_at)) {
      await sessions.delete(id);
      throw new AppError('SESSION_EXPIRED');
    }
    const user = await users.findLiveById(session.user_id);
    if (!user || user.status !== 'active') {
      await sessions.delete(id);
      throw new AppError('UNAUTHENTICATED');
    }
    if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await sessions.touch(id, now.toISOString());
    }
    const [userRoles, unit] = await Promise.all([
      roles.rolesOfUser(user.id),
      units.findLive(user.unit_id),
    ]);
    if (!unit) throw new AppError('UNAUTHENTICATED', '账号所属单位已删除，请联系管理员');
    const permissions = new Set(userRoles.flatMap((r) => parseStringArray(r.permissions)));
    const scopes = userRoles
      .map((r) => r.data_scope)
      .filter((s): s is DataScope => (dataScopes as readonly string[]).includes(s));
    return {
      sessionId: id,
      mustChangePassword: user.must_change_password === 1,
      roles: userRoles.map((r) => ({ id: r.id, name: r.name })),
      unitName: unit.name,
      actor: {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        unitId: unit.id,
        unitPath: unit.path,
        dataScope: scopes.length > 0 ? broadestScope(scopes) : 'self',
        permissions,
      },
    };
  }

  async logout(token: string): Promise<void> {
    await this.deps.sessions.delete(hashToken(token));
  }

  /** Changes the actor's own password; other sessions of the user are signed out. */
  async changePassword(
    actor: Actor,
    sessionId: string,
    oldPassword: string,
    newPassword: string,
  ): Promise<void> {
    const { users, sessions, audit, clock, db } = this.deps;
    const user = await users.findLiveById(actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!(await verifyPassword(user.password_hash, oldPassword))) {
      throw new AppError('VALIDATION_FAILED', '原密码不正确', [
        { path: 'oldPassword', message: '原密码不正确' },
      ]);
    }
    const policy = checkPasswordPolicy(newPassword);
    if (policy)
      throw new AppError('VALIDATION_FAILED', policy, [{ path: 'newPassword', message: policy }]);
    if (oldPassword === newPassword) {
      const message = '新密码不能与原密码相同';
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'newPassword', message }]);
    }
    const passwordHash = await hashPassword(newPassword);
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await users.setPassword(user.id, passwordHash, false, now, trx);
      await audit.record(
        actor,
        {
          action: 'password',
          entity: 'user',
          entityId: user.id,
          summary: `${user.username} 修改了自己的密码`,
        },
        trx,
      );
    });
    await sessions.deleteForUser(user.id, sessionId);
  }
}
