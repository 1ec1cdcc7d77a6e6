import { describe, expect, it } from 'vitest';
import type { ComposeInput, ReportKind } from '../src/index';
import { collectFigures, composeReport, figureKey } from '../src/index';
import { buildComposeInput } from './factories';
import { inputStrings, recomputeFigure } from './figure-oracle';

const ANNUAL = {
  period: { kind: 'annual' as const, label: '2024年', from: '2024-01-01', to: '2024-12-31' },
  documentDate: '2025-01-10',
};

function inputFor(kind: ReportKind): ComposeInput {
  if (kind === 'annual-summary') return buildComposeInput({ kind, ...ANNUAL });
  if (kind === 'topical') return buildComposeInput({ kind, topic: { area: '宣传教育' } });
  return buildComposeInput({ kind });
}

const KINDS: ReportKind[] = ['half-year-summary', 'annual-summary', 'selfcheck', 'topical'];

describe.each(KINDS)('figures of a %s', (kind) => {
  const input = inputFor(kind);
  const report = composeReport(input);
  const figures = collectFigures(report);

  it('has figures, each equal to the figure recomputed from the input', () => {
    expect(figures.length).toBeGreaterThan(5);
    for (const figure of figures) {
      expect({ key: figure.key, value: figure.value }).toEqual({
        key: figure.key,
        value: recomputeFigure(input, figure.refs),
      });
    }
  });

  it('scopes every figure to the unit and the period, with a key derived from its refs', () => {
    for (const figure of figures) {
      expect(figure.refs.unitId).toBe(input.unit.id);
      expect(figure.refs.subtree).toBe(true);
      expect(figure.refs.from >= input.period.from).toBe(true);
      expect(figure.refs.to <= input.period.to).toBe(true);
      expect(figure.key).toBe(figureKey(figure.refs));
    }
  });

  it('prints no number outside figure segments except dates and text from the input', () => {
    const strings = inputStrings(input);
    const texts = [
      report.opening,
      ...report.sections.flatMap((s) => [
        ...s.paragraphs,
        ...s.subsections.flatMap((u) => u.paragraphs),
      ]),
    ]
      .flatMap((p) => p.segments)
      .flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    for (const text of texts) {
      let rest = text;
      for (const s of strings) rest = rest.split(s).join('');
      rest = rest.replace(/(\d{4}年)?\d{1,2}月\d{1,2}日/g, '').replace(/\d{4}年/g, '');
      expect(rest, text).not.toMatch(/[0-9０-９]/);
    }
  });
});

describe('figure refs', () => {
  it('link sample figures to the exact record', () => {
    const figures = collectFigures(composeReport(buildComposeInput()));
    const sample = figures.find((f) => f.refs.measure === 'record.participants');
    expect(sample?.refs.recordIds).toHaveLength(1);
    expect(sample?.key).toMatch(/^record\.participants\|records=/);
  });

  it('narrow activity figures by area, type and subtype', () => {
    const figures = collectFigures(composeReport(buildComposeInput()));
    const study = figures.find(
      (f) => f.refs.measure === 'activity.count' && f.refs.subtype === '中心组学习',
    );
    expect(study?.refs).toMatchObject({ area: '理论学习', type: 'study', subtype: '中心组学习' });
    expect(study?.value).toBe(6);
    expect(study?.unit).toBe('次');
  });

  it('carry the sub-period of a requirement', () => {
    const figures = collectFigures(composeReport(buildComposeInput({ kind: 'selfcheck' })));
    const q2 = figures.find(
      (f) => f.refs.measure === 'requirement.actual' && f.refs.from === '2024-04-01',
    );
    expect(q2?.refs).toMatchObject({ requirementId: 'req-situation', to: '2024-06-30' });
  });

  it('round response hours to one decimal place', () => {
    const figures = collectFigures(composeReport(buildComposeInput()));
    const mean = figures.find((f) => f.refs.measure === 'incident.responseHours.mean');
    expect(mean?.value).toBe(26.7);
  });
});
