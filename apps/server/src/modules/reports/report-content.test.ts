import { describe, expect, it } from 'vitest';
import type {
  FigureSegment,
  ReportParagraph,
  ReportSection,
  Segment,
  StructuredReport,
} from '@taizhang/composer';
import { paragraphText } from '@taizhang/composer';
import { applyEdits, diffLines } from './report-content';

function figure(key: string, value: number, unit = '次'): FigureSegment {
  return {
    kind: 'figure',
    value,
    unit,
    key,
    refs: {
      measure: 'activity.count',
      unitId: '7',
      subtree: false,
      from: '2025-07-01',
      to: '2025-12-31',
    },
  };
}

/** A paragraph from text and figures: `p('召开会议', figure('a', 2), '。')`. */
function p(...parts: (string | FigureSegment)[]): ReportParagraph {
  return {
    segments: parts.map((x): Segment => (typeof x === 'string' ? { kind: 'text', text: x } : x)),
  };
}

function buildReport(overrides: Partial<ReportSection> = {}): StructuredReport {
  return {
    version: 1,
    kind: 'half-year-summary',
    title: '青川客运中心站党支部2025年下半年意识形态工作总结',
    unit: { id: '7', name: '青川客运中心站党支部' },
    period: { kind: 'half-year', label: '2025年下半年', from: '2025-07-01', to: '2025-12-31' },
    opening: p('2025年下半年，支部认真落实意识形态工作责任制。现将有关情况报告如下：'),
    sections: [
      {
        id: 'work',
        role: 'work',
        number: '一、',
        heading: '主要工作',
        paragraphs: [
          p('召开支委会专题研究意识形态工作', figure('meeting', 2), '。'),
          p('开展中心组学习', figure('study', 2), '，交流研讨', figure('talk', 6), '。'),
          p('组织主题党日', figure('event', 3), '。'),
        ],
        subsections: [
          {
            id: 'area:组织领导',
            number: '（一）',
            topic: '强化组织领导，压实工作责任。',
            area: '组织领导',
            paragraphs: [p('开展形势研判', figure('judge', 2), '。')],
          },
          {
            id: 'area:理论学习',
            number: '（二）',
            topic: '加强理论武装，筑牢思想根基。',
            area: '理论学习',
            paragraphs: [p('书记讲党课', figure('lecture', 1), '。')],
          },
        ],
        ...overrides,
      },
    ],
    signature: '青川客运中心站党支部',
    date: '2026-01-10',
    dateText: '2026年1月10日',
  };
}

const texts = (paragraphs: readonly ReportParagraph[]) => paragraphs.map(paragraphText);
const keys = (paragraph: ReportParagraph | undefined) =>
  (paragraph?.segments ?? []).flatMap((s) => (s.kind === 'figure' ? [s.key] : []));

/** Edits the work section's own paragraphs, leaving its subsections as they are. */
function editWork(report: StructuredReport, paragraphs: string[]) {
  const next = applyEdits(report, { sections: [{ id: 'work', paragraphs }] });
  return next.sections[0]?.paragraphs ?? [];
}

describe('adding and removing paragraphs', () => {
  const report = buildReport();
  const [meeting, study, event] = texts(report.sections[0]?.paragraphs ?? []) as [
    string,
    string,
    string,
  ];

  it('keeps every other paragraph linked to its own figures when one is inserted before them', () => {
    // The new paragraph shares the printed figure "2次" with the ones after it, and shifts them.
    const paragraphs = editWork(report, ['本期开展宣讲2次。', meeting, study, event]);
    expect(texts(paragraphs)).toEqual(['本期开展宣讲2次。', meeting, study, event]);
    expect(paragraphs.map(keys)).toEqual([[], ['meeting'], ['study', 'talk'], ['event']]);
  });

  it('keeps the others linked when a paragraph is removed, and gives nobody its figures', () => {
    const paragraphs = editWork(report, [study, event]);
    expect(paragraphs.map(keys)).toEqual([['study', 'talk'], ['event']]);
    expect(editWork(report, [meeting, event]).map(keys)).toEqual([['meeting'], ['event']]);
  });

  it('drops a paragraph left empty, and whitespace-only ones, without shifting the others', () => {
    const paragraphs = editWork(report, [meeting, '', '  \n ', study, event]);
    expect(paragraphs.map(keys)).toEqual([['meeting'], ['study', 'talk'], ['event']]);
  });

  it('keeps the figures of an edited paragraph while another is inserted right after it', () => {
    const edited = `${meeting.replace('。', '')}，形成会议纪要。`;
    const paragraphs = editWork(report, [edited, '另组织宣讲2次。', study, event]);
    expect(paragraphs.map(keys)).toEqual([['meeting'], [], ['study', 'talk'], ['event']]);
  });

  it('keeps a figure linked when its sentence moves into a new paragraph', () => {
    const paragraphs = editWork(report, [meeting, '开展中心组学习2次。', '交流研讨6次。', event]);
    expect(paragraphs.map(keys)).toEqual([['meeting'], ['study'], ['talk'], ['event']]);
  });

  it('links no figure to a number typed into a new paragraph while its own paragraph stays', () => {
    const paragraphs = editWork(report, [meeting, study, '另召开支委会2次。', event]);
    expect(paragraphs.map(keys)).toEqual([['meeting'], ['study', 'talk'], [], ['event']]);
  });

  it('adds and removes subsections, renumbering them and keeping the others’ figures', () => {
    const work = report.sections[0] as ReportSection;
    const [lead, theory] = work.subsections as [
      ReportSection['subsections'][number],
      ReportSection['subsections'][number],
    ];
    const next = applyEdits(report, {
      sections: [
        {
          id: 'work',
          paragraphs: texts(work.paragraphs),
          subsections: [
            { id: 'new-1', topic: '抓好阵地管理，守牢宣传阵地。', paragraphs: ['排查阵地2次。'] },
            { id: theory.id, topic: theory.topic, paragraphs: texts(theory.paragraphs) },
          ],
        },
      ],
    });
    const subsections = next.sections[0]?.subsections ?? [];
    expect(subsections.map((s) => [s.number, s.id])).toEqual([
      ['（一）', 'new-1'],
      ['（二）', theory.id],
    ]);
    expect(keys(subsections[0]?.paragraphs[0])).toEqual([]);
    expect(subsections[1]?.paragraphs[0]).toEqual(theory.paragraphs[0]);
    expect(subsections[1]?.area).toBe('理论学习');
    expect(subsections.some((s) => s.id === lead.id)).toBe(false);
  });
});

describe('diffing versions', () => {
  it('lists removed lines before added ones between equal lines', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'y', 'z'])).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'equal', text: 'c' },
      { op: 'removed', text: 'd' },
      { op: 'added', text: 'y' },
      { op: 'added', text: 'z' },
    ]);
  });
});
