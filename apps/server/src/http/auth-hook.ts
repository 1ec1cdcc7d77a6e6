import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import { AppError } from '../errors/app-error';
import type { Actor } from '../modules/access/data-scope';
import { hasPermission } from '../modules/access/permissions';
import type { AuthService, AuthenticatedSession } from '../modules/auth/auth.service';

export const SESSION_COOKIE = 'tz_sid';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, CSRF token, health). */
    public?: boolean;
    /** Permission code required, e.g. `org:unit:list`. */
    permission?: string;
    /** Reachable while the user still has to change the initial password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    session: AuthenticatedSession | null;
  }
}

/** The acting user of an authenticated request. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return { ...request.session.actor, ip: request.ip };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Authenticates every non-public API request and enforces its permission code. */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    try {
      request.session = await auth.authenticate(token);
    } catch (error) {
      clearSessionCookie(reply);
      throw error;
    }
    if (request.session.mustChangePassword && !config.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (config.permission && !hasPermission(request.session.actor.permissions, config.permission)) {
      throw new AppError('FORBIDDEN');
    }
  });
}
