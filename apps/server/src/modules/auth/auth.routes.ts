import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../../config';
import { clearSessionCookie, setSessionCookie, SESSION_COOKIE } from '../../http/auth-hook';
import { actorOf } from '../../http/auth-hook';
import { CSRF_COOKIE, newCsrfToken, setCsrfCookie } from '../../http/csrf';
import type { AuthService, AuthenticatedSession } from './auth.service';
import {
  changePasswordBody,
  csrfResponse,
  currentUser,
  loginBody,
  loginResponse,
} from './auth.schema';
import type { CurrentUser } from './auth.schema';

const tags = ['认证'];

function presentUser(session: AuthenticatedSession): CurrentUser {
  const { actor } = session;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    unitId: actor.unitId,
    unitName: session.unitName,
    mustChangePassword: session.mustChangePassword,
    roles: session.roles,
    permissions: [...actor.permissions].sort(),
    dataScope: actor.dataScope,
  };
}

export function registerAuthRoutes(
  api: FastifyInstance,
  auth: AuthService,
  config: AppConfig,
): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/auth/csrf',
    {
      config: { public: true },
      schema: { tags, summary: '获取 CSRF 令牌', response: { 200: csrfResponse } },
    },
    async (request, reply) => {
      const token = request.cookies[CSRF_COOKIE] ?? newCsrfToken();
      setCsrfCookie(reply, token, config.secureCookies);
      return { token };
    },
  );

  r.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags, summary: '登录', body: loginBody, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
      const { token } = await auth.login(request.body.username, request.body.password, client);
      setSessionCookie(reply, token, config.secureCookies);
      return { user: presentUser(await auth.authenticate(token)) };
    },
  );

  r.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags, summary: '退出登录' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await auth.logout(token);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  r.get(
    '/auth/me',
    {
      config: { allowPendingPasswordChange: true },
      schema: { tags, summary: '当前用户', response: { 200: currentUser } },
    },
    async (request) => presentUser(request.session!),
  );

  r.post(
    '/auth/password',
    {
      config: { allowPendingPasswordChange: true },
      schema: { tags, summary: '修改本人密码', body: changePasswordBody },
    },
    async (request, reply) => {
      await auth.changePassword(
        actorOf(request),
        request.session!.sessionId,
        request.body.oldPassword,
        request.body.newPassword,
      );
      return reply.status(204).send();
    },
  );
}
