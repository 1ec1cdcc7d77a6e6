import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGED_PASSWORD, createTestApp, DEMO_PASSWORD } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('logs in with the initial password and sets an httpOnly SameSite session cookie', async () => {
    const agent = t.agent();
    const response = await agent.post('/api/auth/login', {
      username: 'keyun',
      password: DEMO_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tz_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(response.json().user).toMatchObject({
      username: 'keyun',
      mustChangePassword: true,
      dataScope: 'unit_and_below',
    });
    const hash = await t.db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'keyun')
      .executeTakeFirstOrThrow();
    expect(hash.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('refuses everything but the password change until the initial password is changed', async () => {
    const agent = await t.login('jiguan1');
    const blocked = await agent.get('/api/units/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '请先修改初始密码',
    });
    const weak = await agent.post('/api/auth/password', {
      oldPassword: DEMO_PASSWORD,
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('至少三类');
    const wrongOld = await agent.post('/api/auth/password', {
      oldPassword: 'Wrong#Pass1',
      newPassword: CHANGED_PASSWORD,
    });
    expect(wrongOld.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '原密码不正确' });
    const changed = await agent.post('/api/auth/password', {
      oldPassword: DEMO_PASSWORD,
      newPassword: CHANGED_PASSWORD,
    });
    expect(changed.statusCode).toBe(204);
    expect((await agent.get('/api/units/tree')).statusCode).toBe(200);
    expect(
      (await t.agent().post('/api/auth/login', { username: 'jiguan1', password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.agent().post('/api/auth/login', { username: 'jiguan1', password: CHANGED_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('locks an account for 15 minutes after 5 wrong passwords, then lets it in again', async () => {
    const attempt = (password: string) =>
      t.agent().post('/api/auth/login', { username: 'keyunzhan', password });
    for (let i = 1; i <= 4; i += 1) {
      const response = await attempt('Wrong#Pass1');
      expect(response.statusCode).toBe(401);
      expect(response.json().message).toContain(`还可尝试 ${5 - i} 次`);
    }
    const fifth = await attempt('Wrong#Pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const lockedEvenWithRightPassword = await attempt(DEMO_PASSWORD);
    expect(lockedEvenWithRightPassword.statusCode).toBe(423);
    expect(lockedEvenWithRightPassword.json().message).toMatch(/请 \d+ 分钟后再试/);
    t.clock.advance(14 * 60_000);
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(61_000);
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('expires a session after 30 idle minutes but keeps an active one alive', async () => {
    const agent = await t.ready('xuanchuan');
    t.clock.advance(20 * 60_000);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(20 * 60_000);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await agent.get('/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({
      code: 'SESSION_EXPIRED',
      message: '会话已超时，请重新登录',
    });
    expect((await agent.get('/api/auth/me')).json().code).toBe('UNAUTHENTICATED');
  });

  it('rejects state-changing requests without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const agent = await t.login('admin');
    const missing = await agent.request('POST', '/api/auth/password', {
      body: { oldPassword: DEMO_PASSWORD, newPassword: CHANGED_PASSWORD },
      csrf: false,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF_INVALID' });
    const wrong = await agent.request('POST', '/api/auth/password', {
      body: { oldPassword: DEMO_PASSWORD, newPassword: CHANGED_PASSWORD },
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    const me = await agent.get('/api/auth/me');
    expect(me.json().mustChangePassword).toBe(true);
    const anonymousLogin = await t.agent().request('POST', '/api/auth/login', {
      body: { username: 'admin', password: DEMO_PASSWORD },
      csrf: false,
    });
    expect(anonymousLogin.statusCode).toBe(403);
  });

  it('records successful and failed logins in the login log', async () => {
    const admin = await t.ready('admin');
    const logs = await admin.get('/api/logs/login?username=keyunzhan&pageSize=50');
    expect(logs.statusCode).toBe(200);
    const items = logs.json().items as { success: boolean; message: string }[];
    expect(items.filter((i) => !i.success).length).toBeGreaterThanOrEqual(6);
    expect(items.some((i) => i.success)).toBe(true);
    expect(items.some((i) => i.message.includes('锁定'))).toBe(true);
  });

  it('logs out: the old cookie no longer works', async () => {
    const agent = await t.login('keyun');
    const token = agent.cookies.get('tz_sid');
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    const stale = t.agent();
    stale.cookies.set('tz_sid', token ?? '');
    expect((await stale.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const response = await t.agent().get('/api/auth/csrf');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false, config: { loginRateLimit: 3 } });
  });
  afterAll(async () => t.close());

  it('answers 429 in Chinese once an address exceeds its login attempts per minute', async () => {
    const agent = t.agent();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await agent.post('/api/auth/login', { username: 'nobody', password: 'Wrong#Pass1' }))
          .statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await agent.post('/api/auth/login', {
      username: 'nobody',
      password: 'Wrong#Pass1',
    });
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: '请求过于频繁，请稍后再试',
    });
  });
});
