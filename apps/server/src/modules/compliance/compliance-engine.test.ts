import { describe, expect, it } from 'vitest';
import type { EvidenceRecord, RequirementRule } from './compliance-engine';
import {
  evaluateCompliance,
  evaluateFromCounts,
  judge,
  rollUp,
  writtenSubtypes,
} from './compliance-engine';
import {
  deadlineOf,
  halfYearPeriod,
  parsePeriod,
  quarterPeriod,
  yearPeriod,
} from './compliance-periods';

function rule(overrides: Partial<RequirementRule> = {}): RequirementRule {
  return {
    id: 1,
    cadence: 'quarter',
    minCount: 1,
    deadlines: [],
    tracking: 'activity',
    evidenceTypes: ['meeting'],
    evidenceSubtypes: ['形势研判'],
    requireAttendance: false,
    countScope: 'unit',
    unitTypes: [],
    ...overrides,
  };
}

let nextId = 1;
function record(overrides: Partial<EvidenceRecord> = {}): EvidenceRecord {
  nextId += 1;
  return {
    id: nextId,
    unitId: 10,
    unitPath: '/1/10/',
    type: 'meeting',
    subtype: '形势研判',
    date: '2026-02-10',
    hasAttendance: false,
    ...overrides,
  };
}

const aliases = new Map([['意识形态形势分析研判会', '形势研判']]);
const unit = { id: 10, type: '党支部', path: '/1/10/' };

function evaluate(
  period: string,
  asOf: string,
  rules: RequirementRule[],
  records: EvidenceRecord[],
  units = [unit],
) {
  const query = parsePeriod(period);
  if (!query) throw new Error(`bad period ${period}`);
  return evaluateCompliance({
    units,
    requirements: rules,
    records,
    query,
    asOf,
    dueSoonDays: 15,
    aliases,
  });
}

describe('periods', () => {
  it('parses years, half-years and quarters with inclusive calendar bounds', () => {
    expect(parsePeriod('2026Q1')).toEqual({
      key: '2026Q1',
      year: 2026,
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(parsePeriod('2024q1')?.end).toBe('2024-03-31');
    expect(parsePeriod('2026H2')).toMatchObject({ start: '2026-07-01', end: '2026-12-31' });
    expect(parsePeriod('2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026Q5')).toBeUndefined();
    expect(parsePeriod('26H1')).toBeUndefined();
  });

  it('puts a half-year deadline on the next date with that month and day', () => {
    expect(deadlineOf(halfYearPeriod(2026, 1), '07-15')).toBe('2026-07-15');
    expect(deadlineOf(halfYearPeriod(2026, 2), '01-15')).toBe('2027-01-15');
    expect(deadlineOf(quarterPeriod(2026, 2), undefined)).toBe('2026-06-30');
    expect(deadlineOf(yearPeriod(2026), undefined)).toBe('2026-12-31');
  });
});

describe('judging one requirement', () => {
  const q2 = quarterPeriod(2026, 2);
  it('is met as soon as the count reaches the minimum, whatever the date', () => {
    expect(judge(1, 1, q2, q2.end, '2026-04-02', 15)).toBe('met');
    expect(judge(2, 1, q2, q2.end, '2026-12-01', 15)).toBe('met');
  });
  it('is pending before the window opens and while the deadline is far', () => {
    expect(judge(0, 1, q2, q2.end, '2026-03-31', 15)).toBe('pending');
    expect(judge(0, 1, q2, q2.end, '2026-06-14', 15)).toBe('pending');
  });
  it('is due soon within N days of the deadline, including the deadline day itself', () => {
    expect(judge(0, 1, q2, q2.end, '2026-06-15', 15)).toBe('due_soon');
    expect(judge(0, 1, q2, q2.end, '2026-06-30', 15)).toBe('due_soon');
  });
  it('is missed the day after the deadline', () => {
    expect(judge(0, 1, q2, q2.end, '2026-07-01', 15)).toBe('missed');
  });
});

describe('evaluating units against rules', () => {
  it('counts an aliased subtype toward the requirement and lists the satisfying records', () => {
    const a = record({ subtype: '意识形态形势分析研判会', date: '2026-03-31' });
    const out = evaluate(
      '2026Q1',
      '2026-05-01',
      [rule()],
      [a, record({ type: 'study', date: '2026-03-01' })],
    );
    expect(out).toEqual([
      expect.objectContaining({
        period: '2026Q1',
        status: 'met',
        count: 1,
        required: 1,
        recordIds: [a.id],
      }),
    ]);
  });

  it('keeps quarter boundaries: a record on 1 April belongs to Q2, not Q1', () => {
    const april = record({ date: '2026-04-01' });
    const out = evaluate('2026H1', '2026-07-02', [rule()], [april]);
    expect(out.map((s) => [s.period, s.status])).toEqual([
      ['2026Q1', 'missed'],
      ['2026Q2', 'met'],
    ]);
  });

  it('keeps year boundaries: a record on 31 December counts for that year only', () => {
    const yearly = rule({ cadence: 'year', minCount: 1 });
    const eve = record({ date: '2025-12-31' });
    expect(evaluate('2025', '2026-01-05', [yearly], [eve])[0]).toMatchObject({
      status: 'met',
      recordIds: [eve.id],
    });
    expect(evaluate('2026', '2026-01-05', [yearly], [eve])[0]).toMatchObject({
      status: 'pending',
      count: 0,
    });
    expect(evaluate('2025Q4', '2026-01-05', [rule()], [eve])[0]).toMatchObject({
      period: '2025Q4',
      status: 'met',
    });
  });

  it('shows a yearly duty in a quarter view as the whole year, and a quarterly duty in a year view per quarter', () => {
    const yearly = rule({ id: 2, cadence: 'year', minCount: 2, evidenceSubtypes: ['专题研究'] });
    const out = evaluate(
      '2026Q4',
      '2026-12-20',
      [yearly, rule()],
      [record({ subtype: '专题研究', date: '2026-03-03' })],
    );
    expect(out).toEqual([
      expect.objectContaining({
        requirementId: 2,
        period: '2026',
        status: 'due_soon',
        count: 1,
        required: 2,
      }),
      expect.objectContaining({ requirementId: 1, period: '2026Q4', status: 'due_soon' }),
    ]);
    expect(evaluate('2026', '2026-05-01', [rule()], []).map((s) => s.status)).toEqual([
      'missed',
      'pending',
      'pending',
      'pending',
    ]);
  });

  it('needs the minimum count within the half-year, attendance when asked, and counts records from the unit only', () => {
    const study = rule({
      cadence: 'half_year',
      minCount: 3,
      evidenceTypes: ['study'],
      evidenceSubtypes: ['中心组学习'],
      requireAttendance: true,
    });
    const records = [
      record({ type: 'study', subtype: '中心组学习', date: '2026-01-20', hasAttendance: true }),
      record({ type: 'study', subtype: '中心组学习', date: '2026-03-20', hasAttendance: true }),
      record({ type: 'study', subtype: '中心组学习', date: '2026-05-20', hasAttendance: false }),
      record({
        type: 'study',
        subtype: '中心组学习',
        date: '2026-06-20',
        hasAttendance: true,
        unitId: 99,
      }),
    ];
    expect(evaluate('2026H1', '2026-07-01', [study], records)[0]).toMatchObject({
      status: 'missed',
      count: 2,
      required: 3,
    });
  });

  it('uses an explicit deadline after the period end and counts records made before it', () => {
    const report = rule({
      cadence: 'half_year',
      deadlines: ['07-15', '01-15'],
      evidenceTypes: [],
      evidenceSubtypes: ['自查报告'],
    });
    expect(evaluate('2026H2', '2027-01-05', [report], [])[0]).toMatchObject({
      deadline: '2027-01-15',
      status: 'due_soon',
    });
    const late = record({ subtype: '自查报告', date: '2026-07-10' });
    expect(evaluate('2026H1', '2026-07-20', [report], [late])[0]).toMatchObject({
      deadline: '2026-07-15',
      status: 'met',
    });
  });

  it('reports duties whose evidence the ledger does not hold as not tracked, never as met', () => {
    const inspection = rule({ tracking: 'not_tracked', cadence: 'year' });
    expect(evaluate('2026', '2026-12-31', [inspection], [record()])[0]).toMatchObject({
      status: 'not_tracked',
      count: 0,
      recordIds: [],
    });
  });

  it('applies a rule only to the unit types it names', () => {
    const committeeOnly = rule({ unitTypes: ['党委', '党总支'] });
    expect(evaluate('2026Q1', '2026-02-01', [committeeOnly], [])).toEqual([]);
    expect(
      evaluate('2026Q1', '2026-02-01', [committeeOnly], [], [{ id: 1, type: '党委', path: '/1/' }]),
    ).toHaveLength(1);
  });

  it('counts subordinate units’ records for a subtree-scoped rule, and only for that rule', () => {
    const parent = { id: 5, type: '党总支', path: '/1/5/' };
    const child = { id: 12, type: '党支部', path: '/1/5/12/' };
    const sibling = { id: 7, type: '党支部', path: '/1/7/' };
    const childRecord = record({ unitId: 12, unitPath: '/1/5/12/' });
    const out = evaluate(
      '2026Q1',
      '2026-02-20',
      [rule({ id: 1 }), rule({ id: 2, countScope: 'subtree' })],
      [childRecord],
      [parent, child, sibling],
    );
    const of = (unitId: number, requirementId: number) =>
      out.find((s) => s.unitId === unitId && s.requirementId === requirementId);
    expect(of(5, 1)).toMatchObject({ count: 0, recordIds: [] });
    expect(of(5, 2)).toMatchObject({ count: 1, status: 'met', recordIds: [childRecord.id] });
    expect(of(12, 1)).toMatchObject({ count: 1 });
    expect(of(12, 2)).toMatchObject({ count: 1 });
    expect(of(7, 2)).toMatchObject({ count: 0 });
  });

  it('rolls statuses up per unit and per requirement', () => {
    const units = [
      unit,
      { id: 11, type: '党支部', path: '/1/11/' },
      { id: 12, type: '党支部', path: '/1/12/' },
    ];
    const out = evaluate(
      '2026Q1',
      '2026-04-10',
      [rule(), rule({ id: 2, tracking: 'not_tracked' })],
      [record({ unitId: 11 })],
      units,
    );
    const rolled = rollUp(out);
    expect(rolled.total).toEqual({ met: 1, due_soon: 0, missed: 2, pending: 0, not_tracked: 3 });
    expect(rolled.byUnit.get(11)).toMatchObject({ met: 1, missed: 0 });
    expect(rolled.byRequirement.get(1)).toMatchObject({ met: 1, missed: 2 });
  });
});

describe('helpers for aggregating in SQL', () => {
  it('lists every written subtype that resolves to a canonical one, and not those aliased away', () => {
    const map = new Map([
      ['意识形态形势分析研判会', '形势研判'],
      ['形势分析', '形势研判'],
      ['专题研究', '党委会'],
    ]);
    expect(writtenSubtypes(['形势研判', '专题研究'], map).sort()).toEqual(
      ['形势分析', '形势研判', '意识形态形势分析研判会'].sort(),
    );
  });

  it('judges from counts exactly as from records', () => {
    const rules = [rule(), rule({ id: 2, cadence: 'year', minCount: 2 })];
    const records = [record({ date: '2026-01-05' }), record({ date: '2026-05-05' })];
    const fromRecords = evaluate('2026', '2026-07-10', rules, records);
    const query = parsePeriod('2026');
    if (!query) throw new Error('period');
    const counts: Record<string, number> = { '0:0': 1, '0:1': 1, '0:2': 0, '0:3': 0, '1:0': 2 };
    const fromCounts = evaluateFromCounts(
      { units: [unit], requirements: rules, query, asOf: '2026-07-10', dueSoonDays: 15 },
      (_u, i, w) => counts[`${i}:${w}`] ?? 0,
    );
    expect(fromCounts.map((s) => [s.period, s.status, s.count])).toEqual(
      fromRecords.map((s) => [s.period, s.status, s.count]),
    );
    expect(fromCounts.map((s) => s.status)).toEqual(['met', 'met', 'pending', 'pending', 'met']);
  });
});
