import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_ROOT_UNIT,
  startTestServer,
} from '../apps/server/test/helpers/test-server';
import type { TestServer } from '../apps/server/test/helpers/test-server';
import { browserAvailable, ensureWebBuilt, launchBrowser, TEST_OUTPUT_DIR } from './browser';

const NEW_PASSWORD = 'Qingchuan#2026';
const NEW_UNIT = '集团机关第三党支部';
const NEW_PERSON = '韩雨桐';

describe.runIf(browserAvailable())('foundation journey in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const countsBefore: Record<string, number> = {};
  const scriptErrors: string[] = [];

  const readCount = async (key: string): Promise<number> => {
    const text = await page
      .getByTestId(`stat-${key}`)
      .locator('.ant-statistic-content')
      .innerText();
    return Number(text.replace(/\D/g, ''));
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    // Fail on the waiting step, naming its locator, well before the test's own timeout.
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    // The app talks only to its own origin; anything else would be outbound network.
    await page.route(
      (url) => !url.href.startsWith(server.url),
      (route) => route.abort(),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor without a session to the login page', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('rejects a wrong password with a Chinese message', async () => {
    await page.getByTestId('login-username').fill(DEMO_ADMIN);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/用户名或密码/);
  });

  it('forces the demo admin to change the initial password before anything else', async () => {
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-change-required').waitFor();
    expect(new URL(page.url()).pathname).toBe('/change-password');

    // The menu is out of reach until the password is changed.
    await page.goto(`${server.url}/org/units`);
    await page.getByTestId('password-change-required').waitFor();

    await page.getByTestId('password-old').fill(DEMO_PASSWORD);
    await page.getByTestId('password-new').fill('short');
    await page.getByTestId('password-confirm').fill('short');
    await page.getByTestId('password-submit').click();
    await page.getByText('密码至少 8 位').first().waitFor();

    await page.getByTestId('password-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('dashboard').waitFor();
  });

  it('shows real counts on the dashboard', async () => {
    for (const key of ['units', 'people', 'users']) {
      await page.getByTestId(`stat-${key}`).getByText(/\d/).first().waitFor();
      countsBefore[key] = await readCount(key);
      expect(countsBefore[key]).toBeGreaterThan(0);
    }
  });

  it('creates a unit under the demo 党委 and shows it in the tree', async () => {
    await page.getByTestId('menu-org-units').click();
    await page.getByTestId('unit-tree').getByText(DEMO_ROOT_UNIT).click();
    await page.getByTestId('unit-detail-name').filter({ hasText: DEMO_ROOT_UNIT }).waitFor();

    await page.getByTestId('unit-create-child').click();
    await page.getByTestId('unit-form-name').fill(NEW_UNIT);
    await page.getByTestId('unit-form-type').click();
    await page.locator('.ant-select-item-option[title="党支部"]').click();
    await page.getByTestId('form-modal-submit').click();

    await page.getByTestId('unit-detail-name').filter({ hasText: NEW_UNIT }).waitFor();
    await page.getByTestId('unit-tree').getByText(NEW_UNIT, { exact: true }).waitFor();
    await expect(page.getByTestId('unit-detail-panel').textContent()).resolves.toContain(
      DEMO_ROOT_UNIT,
    );
  });

  it('adds a person to the new unit', async () => {
    await page.getByRole('tab', { name: /人员/ }).click();
    await page.getByTestId('person-create').click();
    await page.getByTestId('person-form-name').fill(NEW_PERSON);
    await page.getByTestId('person-form-post').fill('党支部书记');
    await page.getByTestId('form-modal-submit').click();
    await page.getByTestId('people-table').getByText(NEW_PERSON).waitFor();
  });

  it('finds the new unit with the tree search', async () => {
    await page.getByTestId('unit-tree-search').fill('第三党支部');
    await page.getByTestId('unit-tree').getByText('找到 1 个单位').waitFor();
    await page.getByTestId('unit-tree-search').fill('');
  });

  it('refuses to overwrite a unit someone else changed meanwhile', async () => {
    const unitId = new URL(page.url()).searchParams.get('selected');
    expect(unitId).toBeTruthy();
    await page.getByTestId('unit-edit').click();
    await page.getByTestId('unit-form-name').waitFor();

    // Another user saves the same unit while the form is open.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'tz_csrf')?.value ?? '';
    const current = await page.request.get(`${server.url}/api/units/${unitId}`);
    const { version } = (await current.json()) as { version: number };
    const other = await page.request.patch(`${server.url}/api/units/${unitId}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { version, remark: '由其他用户修改' },
    });
    expect(other.status()).toBe(200);

    await page.getByTestId('unit-form-name').fill(`${NEW_UNIT}（改）`);
    await page.getByTestId('form-modal-submit').click();
    const conflict = page.locator('.tz-version-conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('数据已被他人修改，请刷新后重试');
    await page.getByRole('button', { name: '刷新数据' }).click();
    await page.getByTestId('unit-detail-panel').getByText('由其他用户修改').waitFor();
    await expect(page.getByTestId('unit-detail-name').textContent()).resolves.toBe(NEW_UNIT);
  });

  it('counts the new unit and person on the dashboard and saves a screenshot', async () => {
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('chart-unit-types').locator('canvas').waitFor();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => readCount('units')).toBe((countsBefore.units ?? 0) + 1);
    await expect.poll(() => readCount('people')).toBe((countsBefore.people ?? 0) + 1);

    fs.mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
    const file = path.join(TEST_OUTPUT_DIR, 'dashboard.png');
    await page.mouse.move(1200, 850);
    // Transient toasts are not part of the dashboard.
    await page.screenshot({ path: file, fullPage: true, style: '.ant-message { display: none; }' });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it('returns to the login page when the session ends, then back to where the user was', async () => {
    await page.context().clearCookies({ name: 'tz_sid' });
    await page.getByTestId('menu-org-people').click();
    await page.getByTestId('login-form').waitFor();

    await page.getByTestId('login-username').fill(DEMO_ADMIN);
    await page.getByTestId('login-password').fill(NEW_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('people-search-keyword').waitFor();
    expect(new URL(page.url()).pathname).toBe('/org/people');

    await page.getByTestId('people-search-keyword').fill(NEW_PERSON);
    await page.getByTestId('people-search-keyword').press('Enter');
    await page.getByTestId('people-table').locator('tbody').getByText(NEW_PERSON).waitFor();
  });

  it('shows a 党支部 clerk only their own unit and no administration', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const clerk = await context.newPage();
    clerk.setDefaultTimeout(15_000);
    clerk.on('pageerror', (error) => scriptErrors.push(error.message));
    try {
      await clerk.goto(`${server.url}/login`);
      await clerk.getByTestId('login-username').fill('jiguan1');
      await clerk.getByTestId('login-password').fill(DEMO_PASSWORD);
      await clerk.getByTestId('login-submit').click();
      await clerk.getByTestId('password-old').fill(DEMO_PASSWORD);
      await clerk.getByTestId('password-new').fill(NEW_PASSWORD);
      await clerk.getByTestId('password-confirm').fill(NEW_PASSWORD);
      await clerk.getByTestId('password-submit').click();
      await clerk.getByTestId('dashboard').waitFor();

      await expect(clerk.getByTestId('menu-system-users').count()).resolves.toBe(0);
      await expect(clerk.getByTestId('menu-system-roles').count()).resolves.toBe(0);

      await clerk.getByTestId('menu-org-units').click();
      await clerk
        .getByTestId('unit-detail-name')
        .filter({ hasText: '集团机关第一党支部' })
        .waitFor();
      await expect(clerk.getByTestId('unit-tree').getByText(DEMO_ROOT_UNIT).count()).resolves.toBe(
        0,
      );
      await expect(clerk.getByTestId('unit-create').count()).resolves.toBe(0);
      await expect(clerk.getByTestId('unit-create-child').count()).resolves.toBe(0);
      await expect(clerk.getByTestId('unit-delete').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('raised no script errors along the way', () => {
    expect(scriptErrors).toEqual([]);
  });
});
