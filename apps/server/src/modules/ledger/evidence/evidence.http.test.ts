import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { DEMO_ROOT_UNIT } from '../../../demo/demo-organization';
import { minimalDocx } from '../test/sample-files';
import { createLedgerTestApp, unitIdByName, upload } from '../test/ledger-test-kit';

const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(64, 7),
]);

describe(`evidence files on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>>;
  let admin: TestAgent;
  let activityId: number;
  beforeAll(async () => {
    // 10 KB, so the size limit is cheap to test
    t = await createLedgerTestApp({ evidenceMaxBytes: 10 * 1024 });
    admin = await t.ready('admin');
    const unitId = await unitIdByName(t, DEMO_ROOT_UNIT);
    activityId = (
      await admin.post('/api/activities', {
        unitId,
        type: 'event',
        subtype: '主题党日',
        date: '2024-06-21',
        title: '七一主题党日',
      })
    ).json().id;
  });
  afterAll(async () => t.close());

  it('stores an upload by its SHA-256 and serves it back as an attachment with its sniffed type', async () => {
    const response = await upload(t, admin, `/api/activities/${activityId}/evidence`, {
      name: '活动照片.jpg',
      bytes: JPEG,
      contentType: 'text/html',
    });
    expect(response.statusCode, response.body).toBe(201);
    const evidence = response.json();
    expect(evidence).toMatchObject({
      fileName: '活动照片.jpg',
      size: JPEG.length,
      contentType: 'image/jpeg',
      hasFile: true,
    });
    const sha = crypto.createHash('sha256').update(JPEG).digest('hex');
    expect(fs.readFileSync(path.join(t.filesDir, sha.slice(0, 2), sha.slice(2, 4), sha))).toEqual(
      JPEG,
    );
    const download = await admin.get(`/api/evidence/${evidence.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(JPEG);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="____.jpg"; filename*=UTF-8''${encodeURIComponent('活动照片.jpg')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    const detail = (await admin.get(`/api/activities/${activityId}`)).json();
    expect(detail.evidence.map((e: { id: number }) => e.id)).toEqual([evidence.id]);
  });

  it('accepts Word documents and plain text, stored as their real type', async () => {
    const docx = await upload(t, admin, `/api/activities/${activityId}/evidence`, {
      name: '会议纪要.docx',
      bytes: minimalDocx(),
    });
    expect(docx.json().contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const text = await upload(t, admin, `/api/activities/${activityId}/evidence`, {
      name: '签到名单.txt',
      bytes: Buffer.from('林志远\n周明慧\n'),
    });
    expect(text.statusCode).toBe(201);
    const download = await admin.get(`/api/evidence/${text.json().id}`);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('rejects a .jpg that is really HTML, SVG or a program, with a Chinese message, and stores nothing', async () => {
    const before = fs.readdirSync(t.filesDir, { recursive: true }).length;
    const cases: [string, Buffer, string][] = [
      [
        '照片.jpg',
        Buffer.from('<html><script>alert(document.cookie)</script></html>'),
        '实际是HTML/SVG/XML 标记文本',
      ],
      [
        '照片.jpg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        '实际是HTML/SVG/XML 标记文本',
      ],
      ['照片.jpg', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), '实际是可执行程序'],
      ['图标.svg', Buffer.from('<svg/>'), '不支持的文件类型「.svg」'],
      ['页面.html', Buffer.from('<p>hi</p>'), '不支持的文件类型「.html」'],
    ];
    for (const [name, bytes, message] of cases) {
      const response = await upload(t, admin, `/api/activities/${activityId}/evidence`, {
        name,
        bytes,
        contentType: 'image/jpeg',
      });
      expect(response.statusCode, name).toBe(415);
      expect(response.json().message).toContain(message);
    }
    expect(fs.readdirSync(t.filesDir, { recursive: true }).length).toBe(before);
  });

  it('refuses files above the size limit and requests that are not multipart', async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(20 * 1024)]);
    const response = await upload(t, admin, `/api/activities/${activityId}/evidence`, {
      name: '大图.jpg',
      bytes: big,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toBe('文件超过 10 KB 的上限');
    const json = await admin.post(`/api/activities/${activityId}/evidence`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().message).toContain('multipart/form-data');
  });

  it('deletes an evidence link softly: it is no longer listed or served, and the history says so', async () => {
    const uploaded = (
      await upload(t, admin, `/api/activities/${activityId}/evidence`, {
        name: '多余.png',
        bytes: Buffer.from('89504e470d0a1a0a00', 'hex'),
      })
    ).json();
    expect((await admin.delete(`/api/evidence/${uploaded.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/evidence/${uploaded.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/evidence/${uploaded.id}`)).statusCode).toBe(404);
    const row = await t.db.kysely
      .selectFrom('evidence')
      .select('deleted_at')
      .where('id', '=', uploaded.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    const history = (await admin.get(`/api/activities/${activityId}/history`)).json();
    expect(history.items.map((i: { summary: string }) => i.summary)).toContain(
      '删除证明材料「多余.png」',
    );
  });
});
