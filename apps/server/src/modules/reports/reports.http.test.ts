import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StructuredReport } from '@taizhang/composer';
import { renderText } from '@taizhang/composer';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { testDialect } from '../../../test/helpers/test-db';
import { DEMO_ROOT_UNIT } from '../../demo/demo-organization';

interface ReportBody {
  id: number;
  version: number;
  status: string;
  title: string;
  content: StructuredReport;
  actions: Record<string, boolean>;
}

async function unitId(t: TestApp, name: string): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('units')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

// The test clock stands at 2 March 2026: the current year's first half has begun, 2025 is complete.
const PERIODS = ['2026H1', '2025H2', '2025'] as const;
const KINDS = ['summary', 'selfcheck', 'topical'] as const;

describe(`reports over HTTP on ${testDialect()}`, () => {
  let t: TestApp;
  let admin: TestAgent;
  beforeAll(async () => {
    t = await createTestApp({ records: true });
    admin = await t.ready('admin');
  }, 60_000);
  afterAll(async () => t.close());

  it(
    'composes every kind of report for every period from the demo record, with no proofreader error',
    { timeout: 120_000 },
    async () => {
      const units = [DEMO_ROOT_UNIT, '客运分公司党总支', '集团机关第一党支部'];
      for (const name of units) {
        const id = await unitId(t, name);
        for (const period of PERIODS) {
          for (const kind of KINDS) {
            const created = await admin.post('/api/reports', { unitId: id, kind, period });
            expect(created.statusCode, created.body).toBe(201);
            const report = created.json() as ReportBody;
            const text = renderText(report.content);
            expect(text).not.toMatch(/XX|××/);
            const proofread = await admin.post(`/api/reports/${report.id}/proofread`, {});
            expect(proofread.statusCode).toBe(200);
            const errors = (
              proofread.json() as {
                findings: { severity: string; message: string; excerpt: string }[];
              }
            ).findings.filter((f) => f.severity === 'error');
            expect(errors, `${name} ${period} ${kind}\n${text}`).toEqual([]);
          }
        }
      }
    },
  );

  it('puts missed requirements into 存在的问题', async () => {
    // 青川港航物流有限公司党支部 held only one 专题研究 in 2025 (two required).
    const created = await admin.post('/api/reports', {
      unitId: await unitId(t, '青川港航物流有限公司党支部'),
      kind: 'summary',
      period: '2025',
    });
    const report = created.json() as ReportBody;
    const problems = report.content.sections.find((s) => s.role === 'problems');
    const text = problems
      ? problems.paragraphs
          .map((p) =>
            p.segments
              .map((seg) => (seg.kind === 'text' ? seg.text : `${seg.value}${seg.unit ?? ''}`))
              .join(''),
          )
          .join('\n')
      : '';
    expect(text).toContain('专题研究意识形态工作');
    expect(text).toMatch(/实际完成1次/);
  });

  it('saves section edits as versions, keeps figures linked, diffs versions and proofreads drafts', async () => {
    const clerk = await t.ready('keyunzhan');
    const station = await unitId(t, '青川客运中心站党支部');
    const created = await clerk.post('/api/reports', {
      unitId: station,
      kind: 'selfcheck',
      period: '2025H2',
    });
    expect(created.statusCode, created.body).toBe(201);
    const report = created.json() as ReportBody;
    const work = report.content.sections[0];
    const sub = work?.subsections[0];
    if (!work || !sub) throw new Error('no work subsection');
    const paragraphs = sub.paragraphs.map((p) =>
      p.segments
        .map((seg) => (seg.kind === 'text' ? seg.text : `${seg.value}${seg.unit ?? ''}`))
        .join(''),
    );
    const edited = [`${paragraphs[0] ?? ''}XX同志作了总结发言。`, ...paragraphs.slice(1)];
    const draft = {
      sections: [
        {
          id: work.id,
          paragraphs: [],
          subsections: [
            { id: sub.id, topic: sub.topic, paragraphs: edited },
            ...work.subsections.slice(1).map((s) => ({
              id: s.id,
              topic: s.topic,
              paragraphs: s.paragraphs.map((p) =>
                p.segments
                  .map((seg) => (seg.kind === 'text' ? seg.text : `${seg.value}${seg.unit ?? ''}`))
                  .join(''),
              ),
            })),
          ],
        },
      ],
    };
    const checked = (await clerk.post(`/api/reports/${report.id}/proofread`, draft)).json() as {
      findings: { category: string; location: { subsectionId?: string } }[];
    };
    const placeholder = checked.findings.find((f) => f.category === 'placeholder');
    expect(placeholder?.location.subsectionId).toBe(sub.id);

    const saved = await clerk.patch(`/api/reports/${report.id}`, {
      version: report.version,
      ...draft,
      note: '补充发言',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json() as ReportBody;
    const figuresBefore = sub.paragraphs
      .flatMap((p) => p.segments)
      .filter((seg) => seg.kind === 'figure').length;
    const figuresAfter = after.content.sections[0]?.subsections[0]?.paragraphs
      .flatMap((p) => p.segments)
      .filter((seg) => seg.kind === 'figure').length;
    expect(figuresAfter).toBe(figuresBefore);
    const stale = await clerk.patch(`/api/reports/${report.id}`, {
      version: report.version,
      title: '旧版本',
    });
    expect(stale.statusCode).toBe(409);
    const versions = (await clerk.get(`/api/reports/${report.id}/versions`)).json() as {
      number: number;
    }[];
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    const diff = (await clerk.get(`/api/reports/${report.id}/diff?from=1&to=2`)).json() as {
      lines: { op: string; text: string }[];
    };
    expect(
      diff.lines
        .filter((l) => l.op === 'added')
        .map((l) => l.text)
        .join(''),
    ).toContain('XX同志');
    expect(diff.lines.filter((l) => l.op === 'removed')).toHaveLength(1);
  });

  it('moves through 草稿 → 待审核 → 退回 → 已报送, and the parent sees it received while others do not', async () => {
    const clerk = await t.ready('keyunzhan');
    const leader = await t.ready('keyun');
    const other = await t.ready('jiguan1');
    const station = await unitId(t, '青川客运中心站党支部');
    let report = (
      await clerk.post('/api/reports', { unitId: station, kind: 'selfcheck', period: '2026H1' })
    ).json() as ReportBody;
    expect(report.status).toBe('draft');
    // A clerk may not write a report for a unit outside its scope.
    expect(
      (
        await clerk.post('/api/reports', {
          unitId: await unitId(t, '集团机关第一党支部'),
          kind: 'selfcheck',
          period: '2026H1',
        })
      ).statusCode,
    ).toBe(404);
    // Another 党支部 cannot see it; the parent does not see a draft.
    expect((await other.get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/reports/${report.id}`)).statusCode).toBe(404);

    report = (
      await clerk.post(`/api/reports/${report.id}/status`, {
        version: report.version,
        action: 'review',
      })
    ).json() as ReportBody;
    expect(report.status).toBe('review');
    expect(
      (await clerk.patch(`/api/reports/${report.id}`, { version: report.version, title: '改标题' }))
        .statusCode,
    ).toBe(403);
    const noReason = await clerk.post(`/api/reports/${report.id}/status`, {
      version: report.version,
      action: 'return',
    });
    expect(noReason.statusCode).toBe(409); // a clerk holds no 审核 permission
    report = (
      await clerk.post(`/api/reports/${report.id}/status`, {
        version: report.version,
        action: 'reopen',
      })
    ).json() as ReportBody;
    expect(report.status).toBe('draft');

    const submitted = await clerk.post(`/api/reports/${report.id}/submit`, {
      version: report.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    report = submitted.json() as ReportBody;
    expect(report.status).toBe('submitted');
    expect(report.actions.edit).toBe(false);

    const seen = await leader.get(`/api/reports/${report.id}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as ReportBody).actions).toMatchObject({ edit: false, return: true });
    expect((await other.get(`/api/reports/${report.id}`)).statusCode).toBe(404);
    const otherList = (await other.get('/api/reports?pageSize=100')).json() as {
      items: { id: number }[];
    };
    expect(otherList.items.map((r) => r.id)).not.toContain(report.id);

    const received = (await leader.get('/api/reports/received?period=2026H1')).json() as {
      units: { unitName: string; state: string; reports: { id: number }[] }[];
      deadline: string;
    };
    expect(received.deadline).toBe('2026-07-15');
    const row = received.units.find((u) => u.unitName === '青川客运中心站党支部');
    expect(row?.state).toBe('submitted');
    expect(row?.reports.map((r) => r.id)).toContain(report.id);
    expect(received.units.find((u) => u.unitName === '运营调度中心党支部')?.state).toBe('pending');
    // 2025H2 was due on 15 January 2026: nobody submitted, so both are overdue.
    const late = (await leader.get('/api/reports/received?period=2025H2')).json() as {
      units: { state: string }[];
    };
    expect(late.units.every((u) => u.state === 'overdue')).toBe(true);

    // The parent returns it with a reason; the clerk can edit again.
    const returned = await leader.post(`/api/reports/${report.id}/status`, {
      version: report.version,
      action: 'return',
      reason: '请补充舆情应对情况',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const back = (await clerk.get(`/api/reports/${report.id}`)).json() as ReportBody & {
      returnReason: string;
    };
    expect(back.status).toBe('returned');
    expect(back.returnReason).toBe('请补充舆情应对情况');
    expect(back.actions.edit).toBe(true);
  });

  it('exports .docx, HTML, Markdown and JSON as attachments', async () => {
    const report = (
      await admin.post('/api/reports', {
        unitId: await unitId(t, '客运分公司党总支'),
        kind: 'summary',
        period: '2025H2',
      })
    ).json() as ReportBody;
    const docx = await admin.get(`/api/reports/${report.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(String(docx.headers['content-disposition'])).toMatch(
      /^attachment; filename=".*\.docx"; filename\*=UTF-8''/,
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const html = await admin.get(`/api/reports/${report.id}/export?format=html`);
    expect(html.body).toContain(report.title);
    const md = await admin.get(`/api/reports/${report.id}/export?format=md`);
    expect(md.body.startsWith(`# ${report.title}`)).toBe(true);
    const json = await admin.get(`/api/reports/${report.id}/export?format=json`);
    expect(JSON.parse(json.body)).toEqual(report.content);
    expect((await admin.get(`/api/reports/${report.id}/export?format=pdf`)).statusCode).toBe(400);
  });

  it('refuses an invalid template with a clear Chinese 400, and a saved template shapes new reports', async () => {
    const broken = await admin.request('PUT', '/api/report-templates/selfcheck', {
      body: { body: '# {{ title }\n{% for p in x %}' },
    });
    expect(broken.statusCode).toBe(400);
    expect((broken.json() as { message: string }).message).toMatch(/^报告模板无效/);
    const noTitle = await admin.request('PUT', '/api/report-templates/selfcheck', {
      body: { body: '{{ opening }}\n## 一、{{ work.heading }}' },
    });
    expect(noTitle.statusCode).toBe(400);
    expect((noTitle.json() as { message: string }).message).toContain('缺少标题行');
    const loop = await admin.post('/api/report-templates/preview', {
      kind: 'selfcheck',
      body: '# {{ title }}\n{% for i in (1..100000000) %}{{ i }}{% endfor %}',
    });
    expect(loop.statusCode).toBe(400);
    expect((loop.json() as { message: string }).message).toMatch(/报告模板无效/);
    const include = await admin.post('/api/report-templates/preview', {
      kind: 'selfcheck',
      body: "{% include '/etc/passwd' %}",
    });
    expect(include.statusCode).toBe(400);
    // A clerk cannot edit templates.
    const clerk = await t.ready('jiguan1');
    expect(
      (await clerk.request('PUT', '/api/report-templates/selfcheck', { body: { body: '# x' } }))
        .statusCode,
    ).toBe(403);

    const custom =
      '# {{ title }}\n{{ opening }}\n## 一、{{ work.heading }}\n{% for item in work.items %}### {{ item.topic }}\n{% for p in item.paragraphs %}{{ p }}\n{% endfor %}{% endfor %}## 二、{{ problems.heading }}\n{% for p in problems.paragraphs %}{{ p }}\n{% endfor %}## 三、{{ plans.heading }}\n{% for p in plans.paragraphs %}{{ p }}\n{% endfor %}## 四、其他需要说明的情况\n本期无其他需要说明的情况。';
    const preview = await admin.post('/api/report-templates/preview', {
      kind: 'selfcheck',
      body: custom,
      period: '2025',
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect((preview.json() as { text: string }).text).toContain('四、其他需要说明的情况');
    const saved = await admin.request('PUT', '/api/report-templates/selfcheck', {
      body: { body: custom },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const report = (
      await admin.post('/api/reports', {
        unitId: await unitId(t, '客运分公司党总支'),
        kind: 'selfcheck',
        period: '2025',
      })
    ).json() as ReportBody;
    expect(report.content.sections.map((s) => s.number + s.heading)).toContain(
      '四、其他需要说明的情况',
    );
    const reset = await admin.delete('/api/report-templates/selfcheck');
    expect((reset.json() as { isDefault: boolean }).isDefault).toBe(true);
  });

  it('composes a custom period and refuses a malformed one', async () => {
    const id = await unitId(t, '客运分公司党总支');
    const custom = await admin.post('/api/reports', {
      unitId: id,
      kind: 'summary',
      from: '2025-01-01',
      to: '2025-09-30',
    });
    expect(custom.statusCode, custom.body).toBe(201);
    expect((custom.json() as ReportBody).content.period.label).toBe('2025年1月至9月');
    const bad = await admin.post('/api/reports', { unitId: id, kind: 'summary', period: '2025Q5' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toContain('期间');
  });
});
