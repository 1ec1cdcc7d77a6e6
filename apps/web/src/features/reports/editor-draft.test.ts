import { describe, expect, it } from 'vitest';
import { placeFindings, placeKey } from './draft-findings';
import type { EditorDraft } from './editor-draft';
import {
  editorDraftOf,
  insertParagraph,
  insertSubsection,
  mapParagraphs,
  newParagraph,
  newSubsection,
  removeParagraph,
  removeSubsection,
  setParagraphText,
  subsectionNumbers,
  toReportDraft,
} from './editor-draft';
import type { Finding, ReportParagraph, StructuredReport } from './reports.types';

const text = (t: string): ReportParagraph => ({ segments: [{ kind: 'text', text: t }] });

function buildReport(): StructuredReport {
  return {
    version: 1,
    kind: 'half-year-summary',
    title: '2025年下半年意识形态工作总结',
    unit: { id: '7', name: '青川客运中心站党支部' },
    period: { kind: 'half-year', label: '2025年下半年', from: '2025-07-01', to: '2025-12-31' },
    opening: text('现将有关情况报告如下：'),
    sections: [
      {
        id: 'work',
        role: 'work',
        number: '一、',
        heading: '主要工作',
        paragraphs: [text('甲。'), text('乙。')],
        subsections: [
          {
            id: 'area:组织领导',
            number: '（一）',
            topic: '强化组织领导。',
            paragraphs: [
              {
                segments: [
                  { kind: 'text', text: '研判' },
                  {
                    kind: 'figure',
                    value: 2,
                    unit: '次',
                    key: 'judge',
                    refs: { measure: 'x', unitId: '7', subtree: false, from: '', to: '' },
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    signature: '青川客运中心站党支部',
    date: '2026-01-10',
    dateText: '2026年1月10日',
  };
}

function finding(location: Finding['location'], column = location.column): Finding {
  return {
    category: 'typo',
    rule: 'typo',
    severity: 'warning',
    line: 1,
    column,
    length: 1,
    excerpt: '',
    message: '疑似错别字',
    location,
  };
}

const work = { sectionId: 'work' };
const workTexts = (d: EditorDraft) => d.sections[0]?.paragraphs.map((p) => p.text);

describe('the editor draft', () => {
  it('round-trips a report to the texts the server takes', () => {
    const draft = editorDraftOf(buildReport());
    expect(toReportDraft(draft).sections).toEqual([
      {
        id: 'work',
        heading: '主要工作',
        paragraphs: ['甲。', '乙。'],
        subsections: [{ id: 'area:组织领导', topic: '强化组织领导。', paragraphs: ['研判2次'] }],
      },
    ]);
    expect(draft.sections[0]?.subsections[0]?.paragraphs[0]?.saved).toBeDefined();
  });

  it('inserts a paragraph after another or first, and removes one, keeping the others’ keys', () => {
    const draft = editorDraftOf(buildReport());
    const [first, second] = draft.sections[0]?.paragraphs ?? [];
    const added = newParagraph();
    let next = mapParagraphs(draft, work, (ps) => insertParagraph(ps, first?.key ?? '', added));
    next = mapParagraphs(next, work, (ps) => setParagraphText(ps, added.key, '丙。'));
    expect(workTexts(next)).toEqual(['甲。', '丙。', '乙。']);
    next = mapParagraphs(next, work, (ps) => insertParagraph(ps, null, newParagraph('丁。')));
    expect(workTexts(next)).toEqual(['丁。', '甲。', '丙。', '乙。']);
    next = mapParagraphs(next, work, (ps) => removeParagraph(ps, first?.key ?? ''));
    expect(workTexts(next)).toEqual(['丁。', '丙。', '乙。']);
    expect(next.sections[0]?.paragraphs.at(-1)).toBe(second);
    expect(workTexts(draft)).toEqual(['甲。', '乙。']);
  });

  it('adds and removes subsections, numbering only those the server will keep', () => {
    const draft = editorDraftOf(buildReport());
    const blank = newSubsection();
    let next = insertSubsection(draft, 'work', null, blank);
    const first = newSubsection();
    next = insertSubsection(next, 'work', null, { ...first, topic: '加强阵地管理。' });
    next = insertSubsection(next, 'work', 'area:组织领导', {
      ...newSubsection(),
      topic: '夯实理论学习。',
    });
    const section = next.sections[0];
    if (!section) throw new Error('no section');
    expect(section.subsections.map((s) => s.topic)).toEqual([
      '强化组织领导。',
      '夯实理论学习。',
      '',
      '加强阵地管理。',
    ]);
    expect([...subsectionNumbers(section).entries()].map(([, n]) => n)).toEqual([
      '（一）',
      '（二）',
      '（三）',
    ]);
    expect(subsectionNumbers(section).has(blank.id)).toBe(false);
    next = removeSubsection(next, 'work', 'area:组织领导');
    expect(next.sections[0]?.subsections[0]?.topic).toBe('夯实理论学习。');
  });
});

describe('placing proofreader findings on the draft', () => {
  it('counts paragraphs as the server does, without the blank ones', () => {
    const draft = editorDraftOf(buildReport());
    const blank = newParagraph();
    const next = mapParagraphs(draft, work, (ps) => insertParagraph(ps, null, blank));
    const placed = placeFindings(next, [
      finding({ part: 'paragraph', sectionId: 'work', paragraph: 1, column: 1 }),
    ]);
    const second = next.sections[0]?.paragraphs[2];
    expect(placed.get(second?.key ?? '')).toHaveLength(1);
    expect(placed.has(blank.key)).toBe(false);
  });

  it('puts findings in a subsection’s topic on the topic, and the rest on its paragraphs', () => {
    const draft = editorDraftOf(buildReport());
    const sub = { sectionId: 'work', subsectionId: 'area:组织领导' };
    // `（一）强化组织领导。` is 10 code points; the paragraph starts at column 11.
    const inTopic = finding({ part: 'subsection', ...sub, paragraph: 0, column: 1 }, 4);
    const inText = finding({ part: 'subsection', ...sub, paragraph: 0, column: 1 }, 11);
    const heading = finding({ part: 'heading', sectionId: 'work', column: 1 });
    const placed = placeFindings(draft, [inTopic, inText, heading]);
    expect(placed.get(placeKey.topic('work', 'area:组织领导'))).toEqual([inTopic]);
    const paragraph = draft.sections[0]?.subsections[0]?.paragraphs[0];
    expect(placed.get(paragraph?.key ?? '')).toEqual([inText]);
    expect(placed.get(placeKey.heading('work'))).toEqual([heading]);
  });
});
