import { describe, expect, it } from 'vitest';
import type { ComposeInput } from '@taizhang/composer';
import { assembleReport, buildReportContext, paragraphText } from '@taizhang/composer';
import { AppError } from '../../errors/app-error';
import { applyEdits, diffLines, resegment, textLayout } from './report-content';
import { defaultTemplate, renderTemplate } from './report-template';
import { renderText } from '@taizhang/composer';

function input(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    kind: 'half-year-summary',
    unit: { id: '7', name: '青川客运中心站党支部', type: '党支部' },
    parentUnitName: '客运分公司党总支',
    recipient: '客运分公司党总支',
    period: { kind: 'half-year', label: '2025年下半年', from: '2025-07-01', to: '2025-12-31' },
    documentDate: '2026-01-10',
    activityTotal: 5,
    areas: [
      {
        area: '组织领导',
        groups: [
          {
            type: 'meeting',
            subtype: '形势研判',
            count: 2,
            participants: 12,
            firstDate: '2025-08-12',
            lastDate: '2025-11-20',
            samples: [
              {
                id: '11',
                date: '2025-11-20',
                title: '第四季度意识形态领域形势分析研判会',
                participants: 6,
              },
              {
                id: '10',
                date: '2025-08-12',
                title: '第三季度意识形态领域形势分析研判会',
                participants: 6,
              },
            ],
          },
        ],
      },
      {
        area: '理论学习',
        groups: [
          {
            type: 'study',
            subtype: '党课',
            count: 1,
            participants: 18,
            firstDate: '2025-07-01',
            lastDate: '2025-07-01',
            samples: [
              {
                id: '12',
                date: '2025-07-01',
                title: '书记讲党课：守好意识形态阵地',
                participants: 18,
              },
            ],
          },
        ],
      },
      {
        area: '宣传教育',
        groups: [
          {
            type: 'publicity',
            subtype: '稿件',
            count: 2,
            participants: 0,
            firstDate: '2025-09-02',
            lastDate: '2025-10-15',
            outlets: [{ outlet: '青川日报', count: 2 }],
            samples: [
              {
                id: '13',
                date: '2025-10-15',
                title: '客运中心站推出适老化服务举措',
                outlet: '青川日报',
              },
            ],
          },
        ],
      },
      { area: '阵地管理', groups: [] },
    ],
    ...overrides,
  };
}

describe('report templates', () => {
  for (const kind of ['half-year-summary', 'annual-summary', 'selfcheck', 'topical'] as const) {
    it(`the default ${kind} template lays the report out exactly as the composer does`, async () => {
      const context = buildReportContext(
        input({
          kind,
          ...(kind === 'topical' ? { topic: { area: '组织领导' } } : {}),
          ...(kind === 'annual-summary'
            ? { period: { kind: 'annual', label: '2025年', from: '2025-01-01', to: '2025-12-31' } }
            : {}),
        }),
      );
      expect(await renderTemplate(defaultTemplate(kind), context)).toEqual(assembleReport(context));
    });
  }

  it('keeps figures linked wherever a template places a paragraph', async () => {
    const context = buildReportContext(input());
    const report = await renderTemplate(
      '# {{ title }}\n{{ opening }}\n## 一、工作情况\n{% for item in work.items %}{{ item.paragraphs | join: "" }}\n{% endfor %}## 二、存在的问题\n{{ problems.paragraphs | first }}',
      context,
    );
    const figures =
      report.sections[0]?.paragraphs
        .flatMap((p) => p.segments)
        .filter((s) => s.kind === 'figure') ?? [];
    expect(figures.length).toBeGreaterThan(2);
  });

  it.each([
    ['an unclosed tag', '# {{ title }}\n{% if x %}', /语法错误/],
    ['an unknown filter', '# {{ title | shout }}', /不存在的过滤器/],
    [
      'an endless loop',
      '# {{ title }}\n{{ opening }}\n## 一、x\n{% for i in (1..50000000) %}{% for j in (1..10) %}{% endfor %}{% endfor %}',
      /超时|内存|上限/,
    ],
    ['a missing title', '{{ opening }}\n## 一、x\n正文', /缺少标题行/],
    ['no section', '# {{ title }}\n{{ opening }}', /至少需要一个/],
    ['an include', "{% include 'secrets' %}", /报告模板无效/],
  ])('refuses %s with a Chinese message', async (_name, body, message) => {
    const context = buildReportContext(input());
    const error = await renderTemplate(body, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(message);
  });
});

describe('editing report text', () => {
  it('keeps a figure linked while its printed text survives, and never matches inside a larger number', () => {
    const context = buildReportContext(input());
    const paragraph = context.work.items[0]?.paragraphs[0];
    if (!paragraph) throw new Error('no paragraph');
    const text = paragraphText(paragraph);
    const edited = resegment(paragraph.segments, `${text}另有12次活动未录入。`);
    expect(edited.filter((s) => s.kind === 'figure')).toHaveLength(
      paragraph.segments.filter((s) => s.kind === 'figure').length,
    );
    expect(
      resegment(
        [
          {
            kind: 'figure',
            value: 2,
            unit: '次',
            key: 'k',
            refs: {
              measure: 'activity.total',
              unitId: '1',
              subtree: true,
              from: '2025-01-01',
              to: '2025-12-31',
            },
          },
        ],
        '共12次',
      ),
    ).toEqual([{ kind: 'text', text: '共12次' }]);
  });

  it('applies section edits, renumbers subsections and lays the text out line by line', () => {
    const report = assembleReport(buildReportContext(input()));
    const work = report.sections[0];
    if (!work) throw new Error('no work');
    const next = applyEdits(report, {
      sections: [
        {
          id: work.id,
          paragraphs: [],
          subsections: work.subsections.slice(1).map((s) => ({
            id: s.id,
            topic: s.topic,
            paragraphs: s.paragraphs.map(paragraphText),
          })),
        },
      ],
    });
    expect(next.sections[0]?.subsections[0]?.number).toBe('（一）');
    expect(next.sections[0]?.subsections.length).toBe(work.subsections.length - 1);
    const layout = textLayout(next);
    expect(layout.text).toBe(renderText(next));
    expect(layout.locations[0]?.part).toBe('title');
  });

  it('diffs two versions paragraph by paragraph', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'equal', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
  });
});
