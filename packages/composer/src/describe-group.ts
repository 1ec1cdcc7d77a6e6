import { formatDate, formatDateList, yearOf } from './chinese-format';
import { bookTitle, quoted, unwrapTitle } from './clean-text';
import type { ActivityGroup, SampleRecord } from './compose-input';
import type { ComposeContext } from './compose-context';
import type { Piece } from './figures';
import type { GroupKind } from './group-kind';
import { classifyGroup, groupLabel } from './group-kind';
import type { FigureSegment } from './structured-report';

interface Variant {
  min?: number;
  pieces: Piece[];
}

function mainClause(
  ctx: ComposeContext,
  kind: GroupKind,
  group: ActivityGroup,
  area: string,
): Piece[] {
  const label = groupLabel(group);
  const filter = { area, type: group.type, subtype: group.subtype };
  const n = (unit: string): FigureSegment => ctx.fig(group.count, unit, 'activity.count', filter);
  const { subordinates, scope } = ctx.input;
  const ownBody = scope === 'unit' || !subordinates || subordinates.units === 0;
  const body = ownBody ? ctx.meetingBody : '会议';
  const withSuffix = (suffix: string): string =>
    label.endsWith(suffix) ? label : `${label}${suffix}`;
  let variants: Variant[];
  switch (kind) {
    case 'special-meeting':
      variants = [
        { pieces: ['召开', body, '专题研究意识形态工作', n('次')] },
        { min: 2, pieces: ['先后', n('次'), '召开', body, '专题研究部署意识形态工作'] },
      ];
      break;
    case 'situation':
      variants = [
        { pieces: ['开展意识形态领域形势分析研判', n('次')] },
        { pieces: ['召开意识形态工作形势分析研判会', n('次')] },
      ];
      break;
    case 'life-meeting':
      variants = [{ pieces: ['召开民主生活会', n('次')] }];
      break;
    case 'center-study':
      variants = [
        { pieces: ['组织理论学习中心组集中学习', n('次')] },
        { pieces: ['开展理论学习中心组学习', n('次')] },
      ];
      break;
    case 'party-lecture':
      variants = [{ pieces: ['讲授专题党课', n('次')] }, { pieces: ['开展党课教育', n('次')] }];
      break;
    case 'tutorial':
      variants = [{ pieces: ['举办专题辅导', n('场')] }];
      break;
    case 'seminar':
      variants = [{ pieces: ['开展专题研讨', n('次')] }];
      break;
    case 'article':
      variants = [
        { pieces: ['在各级媒体刊发稿件', n('篇')] },
        { pieces: ['对外刊发宣传稿件', n('篇')] },
      ];
      break;
    case 'new-media':
      variants = [
        { pieces: ['通过新媒体平台发布信息', n('条')] },
        { pieces: ['在新媒体平台推送信息', n('条')] },
      ];
      break;
    case 'preach':
      variants = [{ pieces: ['开展宣讲', n('场')] }, { pieces: ['组织宣讲活动', n('场')] }];
      break;
    case 'party-day':
      variants = [
        { pieces: ['开展主题党日活动', n('次')] },
        { pieces: ['组织主题党日活动', n('次')] },
      ];
      break;
    case 'civility':
      variants = [{ pieces: ['开展文明创建活动', n('次')] }];
      break;
    case 'volunteer':
      variants = [{ pieces: ['组织志愿服务活动', n('次')] }, { pieces: ['开展志愿服务', n('次')] }];
      break;
    case 'contest':
      variants = [{ pieces: ['举办', withSuffix('活动'), n('次')] }];
      break;
    case 'training':
      variants = [{ pieces: ['举办', withSuffix('培训'), n('期')] }];
      break;
    case 'generic':
      variants = [{ pieces: genericClause(group, label, n) }];
      break;
    default: {
      const unknown: never = kind;
      throw new Error(`unknown group kind ${String(unknown)}`);
    }
  }
  const usable = variants.filter((v) => group.count >= (v.min ?? 0));
  return ctx.pick(`main|${area}|${group.type}|${group.subtype}`, usable).pieces;
}

function genericClause(
  group: ActivityGroup,
  label: string,
  n: (unit: string) => FigureSegment,
): Piece[] {
  switch (group.type) {
    case 'meeting':
      return /会议?$/.test(label) ? ['召开', label, n('次')] : ['召开', label, '会议', n('次')];
    case 'study':
      return ['开展', label, n('次')];
    case 'event':
      return ['开展', label.endsWith('活动') ? label : `${label}活动`, n('次')];
    case 'training':
      return ['举办', label, n('期')];
    case 'publicity':
    case 'other':
      return ['开展', label.endsWith('工作') ? label : `${label}工作`, n('项')];
    default: {
      const unknown: never = group.type;
      throw new Error(`unknown activity type ${String(unknown)}`);
    }
  }
}

const DATED_KINDS: ReadonlySet<GroupKind> = new Set([
  'special-meeting',
  'situation',
  'life-meeting',
  'center-study',
  'party-lecture',
  'seminar',
]);

/** `（2024年1月16日、4月2日）` when the samples cover every record of a small group. */
function datesClause(group: ActivityGroup, kind: GroupKind): Piece[] {
  const dates = [...new Set(group.samples.map((s) => s.date))];
  if (group.count <= 4 && group.samples.length >= group.count && dates.length === group.count) {
    return [`（${formatDateList(dates)}）`];
  }
  const verb = kind === 'center-study' || kind === 'seminar' ? '举行' : '召开';
  return [`，最近一次于${formatDate(group.lastDate)}${verb}`];
}

function participantsClause(
  ctx: ComposeContext,
  kind: GroupKind,
  group: ActivityGroup,
  area: string,
): Piece[] {
  const filter = { area, type: group.type, subtype: group.subtype };
  const studyLike = kind === 'center-study' || kind === 'seminar' || group.type === 'study';
  const prefix = group.count > 1 ? ctx.pick(`acc|${area}|${group.subtype}`, ['', '累计']) : '';
  if (studyLike && (group.attendancePresent ?? 0) > 0) {
    const present = group.attendancePresent ?? 0;
    return [`，${prefix}参学`, ctx.fig(present, '人次', 'activity.attendance', filter)];
  }
  if (group.participants <= 0 || kind === 'article' || kind === 'new-media') return [];
  const verb = studyLike
    ? kind === 'party-lecture'
      ? '听课'
      : '参学'
    : kind === 'preach' || kind === 'tutorial'
      ? '覆盖'
      : group.type === 'meeting'
        ? '参会'
        : group.type === 'training'
          ? '参训'
          : '参与';
  return [
    `，${prefix}${verb}`,
    ctx.fig(group.participants, '人次', 'activity.participants', filter),
  ];
}

function topicsClause(
  ctx: ComposeContext,
  kind: GroupKind,
  group: ActivityGroup,
  area: string,
): Piece[] {
  if (!['center-study', 'seminar', 'tutorial', 'party-lecture'].includes(kind)) return [];
  const all = group.topics?.length ? group.topics : group.samples.flatMap((s) => s.topics ?? []);
  const unique = [...new Set(all.map((t) => unwrapTitle(t)).filter((t) => t !== ''))];
  if (unique.length === 0) return [];
  const listed = unique.slice(0, 3).map(quoted).join('');
  const more = unique.length > 3 ? '等' : '';
  if (kind === 'party-lecture') return [`，主题包括${listed}${more}`];
  if (kind === 'tutorial') return [`，辅导内容涉及${listed}${more}`];
  return [
    ctx.pick(`topics|${area}|${group.subtype}`, [
      `，重点学习了${listed}${more ? '等内容' : ''}`,
      `，围绕${listed}${more}开展学习研讨`,
    ]),
  ];
}

function outletName(outlet: string): string {
  const name = unwrapTitle(outlet);
  return /(日报|晚报|报|刊|杂志)$/.test(name) ? `《${name}》` : name;
}

function outletsClause(
  ctx: ComposeContext,
  kind: GroupKind,
  group: ActivityGroup,
  area: string,
): Piece[] {
  if (kind !== 'article' && kind !== 'new-media') return [];
  const outlets = (group.outlets ?? [])
    .filter((o) => o.count > 0 && o.outlet.trim() !== '')
    .slice(0, 3);
  if (outlets.length === 0) return [];
  const unit = kind === 'article' ? '篇' : '条';
  const only = outlets[0];
  if (outlets.length === 1 && only && only.count === group.count) {
    return [
      kind === 'article'
        ? `，均刊发于${outletName(only.outlet)}`
        : `，均在${outletName(only.outlet)}发布`,
    ];
  }
  const out: Piece[] = ['，其中'];
  outlets.forEach((o, i) => {
    if (i > 0) out.push('、');
    const filter = { area, type: group.type, subtype: group.subtype, outlet: o.outlet };
    out.push(outletName(o.outlet), ctx.fig(o.count, unit, 'outlet.count', filter));
  });
  return out;
}

function sampleDates(samples: SampleRecord[]): string[] {
  let lastYear = 0;
  return samples.map((s) => {
    const year = yearOf(s.date);
    const text = year === lastYear ? formatDate(s.date).replace(/^\d+年/, '') : formatDate(s.date);
    lastYear = year;
    return text;
  });
}

function samplesClause(ctx: ComposeContext, kind: GroupKind, group: ActivityGroup): Piece[] {
  if (DATED_KINDS.has(kind) || ctx.maxSamples <= 0) return [];
  const samples = group.samples
    .filter((s) => unwrapTitle(s.title) !== '')
    .slice(0, ctx.maxSamples)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (samples.length === 0) return [];
  const dates = sampleDates(samples);
  const out: Piece[] = [];
  if (kind === 'article' || kind === 'new-media') {
    const verb = kind === 'article' ? '刊发' : '发布';
    out.push('，如');
    samples.forEach((s, i) => {
      if (i > 0) out.push('，');
      const where = s.outlet ? `在${outletName(s.outlet)}` : '';
      out.push(`${dates[i]}${where}${verb}${bookTitle(s.title)}`);
    });
    return out;
  }
  const only = group.count === 1 ? samples[0] : undefined;
  if (only) {
    out.push(`，为${dates[0]}组织的${quoted(only.title)}`);
    if (only.participants && only.participants > 0) {
      const people = ctx.fig(only.participants, '人', 'record.participants', {
        recordIds: [only.id],
      });
      out.push('，有', people, '参加');
    }
    return out;
  }
  out.push('，其中');
  samples.forEach((s, i) => {
    if (i > 0) out.push('，');
    if (s.participants && s.participants > 0) {
      const people = ctx.fig(s.participants, '人', 'record.participants', { recordIds: [s.id] });
      out.push(`${dates[i]}组织的${quoted(s.title)}有`, people, '参加');
    } else {
      out.push(`${dates[i]}组织了${quoted(s.title)}`);
    }
  });
  return out;
}

/** One group's facts as a clause list (no leading subject, no closing full stop). */
export function describeGroup(ctx: ComposeContext, area: string, group: ActivityGroup): Piece[] {
  const kind = classifyGroup(group);
  const pieces: Piece[] = [...mainClause(ctx, kind, group, area)];
  if (DATED_KINDS.has(kind)) pieces.push(...datesClause(group, kind));
  // A single record quoted with its own head count needs no group total beside it.
  const single = group.count === 1 && (group.samples[0]?.participants ?? 0) > 0;
  if (!single || DATED_KINDS.has(kind)) pieces.push(...participantsClause(ctx, kind, group, area));
  pieces.push(...topicsClause(ctx, kind, group, area));
  pieces.push(...outletsClause(ctx, kind, group, area));
  pieces.push(...samplesClause(ctx, kind, group));
  return pieces;
}
