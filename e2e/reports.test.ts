import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/server/src/demo/demo-organization';
import { startTestServer } from '../apps/server/test/helpers/test-server';
import type { TestServer } from '../apps/server/test/helpers/test-server';
import { browserAvailable, ensureWebBuilt, launchBrowser, TEST_OUTPUT_DIR } from './browser';

const NEW_PASSWORD = 'Qingchuan#2026';
const CLERK = 'keyunzhan'; // 青川客运中心站党支部
const PARENT = 'keyun'; // 客运分公司党总支, its parent

describe.runIf(browserAvailable())(
  'a 自查报告 from the record, proofread, exported and submitted, in Chromium',
  () => {
    let server: TestServer;
    let url: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let title = '';

    const signIn = async (p: Page, username: string) => {
      await p.goto(`${url}/login`);
      await p.getByTestId('login-username').fill(username);
      await p.getByTestId('login-password').fill(DEMO_PASSWORD);
      await p.getByTestId('login-submit').click();
      await p.getByTestId('password-change-required').waitFor();
      await p.getByTestId('password-old').fill(DEMO_PASSWORD);
      await p.getByTestId('password-new').fill(NEW_PASSWORD);
      await p.getByTestId('password-confirm').fill(NEW_PASSWORD);
      await p.getByTestId('password-submit').click();
      await p.getByTestId('dashboard').waitFor();
    };

    beforeAll(async () => {
      await ensureWebBuilt();
      // The demo organization with a year of records, so the report has facts to state.
      server = await startTestServer({ records: true });
      url = server.url;
      browser = await launchBrowser();
      context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        acceptDownloads: true,
      });
      page = await context.newPage();
      await page.route(
        (u) => !u.href.startsWith(url),
        (route) => route.abort(),
      );
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('generates a 自查报告 for the clerk’s 党支部', { timeout: 60_000 }, async () => {
      await signIn(page, CLERK);
      await page.goto(`${url}/reports`);
      await page.getByTestId('generate-report').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('generate-kind').waitFor();
      // On a loaded machine a click during the modal's opening animation can land nowhere, and
      // the radio is controlled by the form, so its checked state shows only after a re-render:
      // click, then wait for the rendered state, and click again if it never came.
      const option = dialog.getByText('自查报告', { exact: true });
      const checked = dialog.locator('.ant-radio-wrapper-checked', { hasText: '自查报告' });
      for (let attempt = 0; attempt < 3 && !(await checked.isVisible()); attempt += 1) {
        await option.click();
        await checked.waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      await checked.waitFor();
      await page.getByTestId('generate-submit').click();
      await page.waitForURL(/\/reports\/\d+$/);
      await page.getByTestId('report-status').filter({ hasText: '草稿' }).waitFor();
      title = (await page.locator('.tz-page-title-row h4').innerText()).trim();
      expect(title).toMatch(/意识形态工作自查报告$/);
      await page.getByTestId('proofread-summary').and(page.locator('[data-errors="0"]')).waitFor();
    });

    it(
      'shows a proofreader warning when a sentence gets an “XX”, and clears it when fixed',
      { timeout: 60_000 },
      async () => {
        const paragraph = page.locator('[data-testid^="para-work-"]').first();
        const original = await paragraph.inputValue();
        await paragraph.fill(`${original}XX同志作了表态发言。`);
        const placeholder = page.locator('[data-testid="finding"][data-category="placeholder"]');
        await placeholder.first().waitFor({ timeout: 15_000 });
        expect(await placeholder.first().innerText()).toMatch(/XX|占位/);
        await paragraph.fill(`${original}支部书记作了表态发言。`);
        await placeholder.first().waitFor({ state: 'detached', timeout: 15_000 });
        await page.getByTestId('save-report').click();
        await page.getByText('已保存为新版本').waitFor();
      },
    );

    it(
      'adds a paragraph to a section, keeps it through save and reload, and deletes it again',
      { timeout: 90_000 },
      async () => {
        const plans = page.locator('[data-testid^="para-plans--"]');
        const unsaved = page.getByTestId('unsaved-changes');
        const texts = async () => Promise.all((await plans.all()).map((area) => area.inputValue()));
        const saveAndReload = async () => {
          await unsaved.waitFor();
          await page.getByTestId('save-report').click();
          // The draft is replaced by the saved report once the save succeeded.
          await unsaved.waitFor({ state: 'detached' });
          await page.reload();
          await page.getByTestId('report-status').waitFor();
          await page.getByTestId('para-plans--0').waitFor();
        };
        await page.getByTestId('para-plans--0').waitFor();
        const before = await texts();
        const figures = await page.getByTestId('figure-link').count();
        const text = '持续加强网络阵地管理，每季度开展一次舆情风险排查。';

        await page.getByTestId('insert-para-plans--0').click();
        const added = page.getByTestId('para-plans--1');
        await expect.poll(() => plans.count()).toBe(before.length + 1);
        expect(await added.inputValue()).toBe('');
        await added.fill(text);
        await saveAndReload();
        await expect.poll(texts).toEqual([before[0], text, ...before.slice(1)]);
        expect(await page.getByTestId('figure-link').count()).toBe(figures);

        await page.getByTestId('remove-para-plans--1').click();
        await page
          .locator('.ant-popconfirm')
          .getByRole('button', { name: /删\s*除/ })
          .click();
        await expect.poll(texts).toEqual(before);
        await saveAndReload();
        await expect.poll(texts).toEqual(before);
        expect(await page.getByTestId('figure-link').count()).toBe(figures);
      },
    );

    it('exports the report as .docx', { timeout: 60_000 }, async () => {
      await page.getByTestId('export-menu').hover();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-docx').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/自查报告\.docx$/);
      fs.mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
      const file = path.join(TEST_OUTPUT_DIR, 'selfcheck-report.docx');
      await download.saveAs(file);
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    });

    it('submits it to the parent unit', { timeout: 60_000 }, async () => {
      await page.getByTestId('action-submit').click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /报\s*送/ })
        .click();
      await page.getByTestId('report-status').filter({ hasText: '已报送' }).waitFor();
      await page.screenshot({
        path: path.join(TEST_OUTPUT_DIR, 'report-editor.png'),
        fullPage: false,
      });
    });

    it('appears among the parent unit’s received reports', { timeout: 60_000 }, async () => {
      const parentContext = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
      });
      const parent = await parentContext.newPage();
      await parent.route(
        (u) => !u.href.startsWith(url),
        (route) => route.abort(),
      );
      await signIn(parent, PARENT);
      await parent.getByTestId('menu-reports-received').click();
      const received = parent.getByTestId('received-report').filter({ hasText: title });
      await received.waitFor();
      expect(await parent.getByText('青川客运中心站党支部').count()).toBeGreaterThan(0);
      await parentContext.close();
    });
  },
);
