import { parseDate } from './chinese-format';
import { ComposeError } from './compose-error';
import type { ActivityGroup, ComposeInput, RequirementStatus } from './compose-input';

export const COMPOSE_LIMITS = {
  areas: 100,
  groupsPerArea: 500,
  samplesPerGroup: 50,
  requirements: 5000,
  userPoints: 50,
  userPointChars: 2000,
  nameChars: 200,
} as const;

const KINDS = ['half-year-summary', 'annual-summary', 'selfcheck', 'topical'];
const UNIT_TYPES = ['党委', '党组', '党工委', '党总支', '党支部', '其他'];
const PERIOD_KINDS = ['half-year', 'annual', 'custom'];
const ACTIVITY_TYPES = ['meeting', 'study', 'publicity', 'event', 'training', 'other'];
const OUTCOMES = ['met', 'missed', 'due-soon', 'pending'];

function fail(path: string, message: string): never {
  throw new ComposeError('INVALID_INPUT', path, message);
}

function text(value: unknown, path: string, max: number = COMPOSE_LIMITS.nameChars): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, '应为非空字符串');
  if (value.length > max) throw new ComposeError('INPUT_TOO_LARGE', path, `超过 ${max} 个字符`);
  return value;
}

function count(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    fail(path, '应为非负整数');
}

function hours(value: unknown, path: string): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    fail(path, '应为非负数或 null');
}

function date(value: unknown, path: string): void {
  if (typeof value !== 'string' || parseDate(value) === null) fail(path, '应为 YYYY-MM-DD 日期');
}

function oneOf(value: unknown, allowed: readonly string[], path: string): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    fail(path, `应为 ${allowed.join(' | ')}`);
}

function list<T>(value: T[] | undefined, max: number, path: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, '应为数组');
  if (value.length > max) throw new ComposeError('INPUT_TOO_LARGE', path, `超过 ${max} 项`);
  return value;
}

function checkGroup(group: ActivityGroup, path: string): void {
  oneOf(group.type, ACTIVITY_TYPES, `${path}.type`);
  if (typeof group.subtype !== 'string') fail(`${path}.subtype`, '应为字符串');
  count(group.count, `${path}.count`);
  count(group.participants, `${path}.participants`);
  if (group.attendancePresent !== undefined)
    count(group.attendancePresent, `${path}.attendancePresent`);
  date(group.firstDate, `${path}.firstDate`);
  date(group.lastDate, `${path}.lastDate`);
  list(group.outlets, 200, `${path}.outlets`).forEach((o, i) => {
    text(o.outlet, `${path}.outlets[${i}].outlet`);
    count(o.count, `${path}.outlets[${i}].count`);
  });
  list(group.topics, 50, `${path}.topics`).forEach((t, i) => text(t, `${path}.topics[${i}]`, 500));
  list(group.samples, COMPOSE_LIMITS.samplesPerGroup, `${path}.samples`).forEach((s, i) => {
    const at = `${path}.samples[${i}]`;
    text(s.id, `${at}.id`);
    date(s.date, `${at}.date`);
    if (typeof s.title !== 'string' || s.title.length > 500)
      fail(`${at}.title`, '应为不超过 500 字的字符串');
    if (s.participants !== undefined) count(s.participants, `${at}.participants`);
    list(s.topics, 50, `${at}.topics`).forEach((t, j) => text(t, `${at}.topics[${j}]`, 500));
  });
}

function checkRequirement(r: RequirementStatus, path: string): void {
  text(r.id, `${path}.id`);
  text(r.area, `${path}.area`);
  text(r.title, `${path}.title`);
  text(r.cadence, `${path}.cadence`);
  count(r.required, `${path}.required`);
  count(r.actual, `${path}.actual`);
  oneOf(r.status, OUTCOMES, `${path}.status`);
  text(r.periodLabel, `${path}.periodLabel`);
  date(r.from, `${path}.from`);
  date(r.to, `${path}.to`);
}

/** Checks the composer's input; throws ComposeError with the path of the first problem. */
export function validateComposeInput(input: ComposeInput): ComposeInput {
  oneOf(input.kind, KINDS, 'kind');
  text(input.unit?.id, 'unit.id');
  text(input.unit?.name, 'unit.name');
  oneOf(input.unit?.type, UNIT_TYPES, 'unit.type');
  oneOf(input.period?.kind, PERIOD_KINDS, 'period.kind');
  text(input.period.label, 'period.label', 50);
  date(input.period.from, 'period.from');
  date(input.period.to, 'period.to');
  if (input.period.from > input.period.to) fail('period', '开始日期晚于结束日期');
  date(input.documentDate, 'documentDate');
  count(input.activityTotal, 'activityTotal');
  list(input.areas, COMPOSE_LIMITS.areas, 'areas').forEach((a, i) => {
    text(a.area, `areas[${i}].area`, 50);
    list(a.groups, COMPOSE_LIMITS.groupsPerArea, `areas[${i}].groups`).forEach((g, j) =>
      checkGroup(g, `areas[${i}].groups[${j}]`),
    );
  });
  list(input.requirements, COMPOSE_LIMITS.requirements, 'requirements').forEach((r, i) =>
    checkRequirement(r, `requirements[${i}]`),
  );
  if (input.incidents) {
    const inc = input.incidents;
    count(inc.total, 'incidents.total');
    count(inc.closed, 'incidents.closed');
    if (inc.closed > inc.total) fail('incidents.closed', '办结数不能大于总数');
    for (const [severity, n] of Object.entries(inc.bySeverity ?? {}))
      count(n, `incidents.bySeverity.${severity}`);
    hours(inc.medianResponseHours, 'incidents.medianResponseHours');
    hours(inc.meanResponseHours, 'incidents.meanResponseHours');
    if (inc.assessedInTime !== undefined) count(inc.assessedInTime, 'incidents.assessedInTime');
  }
  if (input.rectification) {
    const rect = input.rectification;
    for (const field of ['total', 'closed', 'open', 'overdue'] as const)
      count(rect[field], `rectification.${field}`);
    date(rect.asOf, 'rectification.asOf');
    list(rect.overdueItems, 50, 'rectification.overdueItems').forEach((item, i) => {
      text(item.title, `rectification.overdueItems[${i}].title`, 500);
      date(item.deadline, `rectification.overdueItems[${i}].deadline`);
    });
  }
  if (input.channels) {
    count(input.channels.total, 'channels.total');
    count(input.channels.active, 'channels.active');
    list(input.channels.byPlatform, 100, 'channels.byPlatform').forEach((p, i) => {
      text(p.platform, `channels.byPlatform[${i}].platform`);
      count(p.count, `channels.byPlatform[${i}].count`);
    });
  }
  if (input.releases) {
    count(input.releases.published, 'releases.published');
    count(input.releases.returned, 'releases.returned');
  }
  if (input.subordinates) {
    for (const field of ['units', 'reported', 'withRecords', 'activities'] as const) {
      count(input.subordinates[field], `subordinates.${field}`);
    }
  }
  for (const field of ['problems', 'plans'] as const) {
    list(input[field], COMPOSE_LIMITS.userPoints, field).forEach((p, i) => {
      if (typeof p !== 'string') fail(`${field}[${i}]`, '应为字符串');
      if (p.length > COMPOSE_LIMITS.userPointChars) {
        throw new ComposeError(
          'INPUT_TOO_LARGE',
          `${field}[${i}]`,
          `超过 ${COMPOSE_LIMITS.userPointChars} 个字符`,
        );
      }
    });
  }
  if (input.kind === 'topical') text(input.topic?.area, 'topic.area', 50);
  return input;
}
