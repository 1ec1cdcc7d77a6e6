import { areaTopics, emptyAreaTopics, SUBORDINATE_TOPICS } from './area-phrases';
import { yearOf } from './chinese-format';
import { quoted } from './clean-text';
import type { ComposeContext } from './compose-context';
import type { ActivityGroup, AreaAggregate, RequirementStatus } from './compose-input';
import { ComposeError } from './compose-error';
import { buildExtrasByArea } from './build-extras';
import { describeGroup } from './describe-group';
import type { Piece } from './figures';
import { paragraphOf } from './figures';
import { compareGroups, classifyGroup, groupLabel, groupTopics } from './group-kind';
import type { CoverageStatus, WorkItemContext } from './report-context';
import type { ReportParagraph } from './structured-report';

const CONNECTORS = ['同时，', '此外，', '还', '另外，'];
const GROUPS_PER_PARAGRAPH = 4;

function liveGroups(aggregate: AreaAggregate | undefined): ActivityGroup[] {
  return (aggregate?.groups ?? []).filter((g) => g.count > 0).sort(compareGroups);
}

function recordCount(groups: ActivityGroup[]): number {
  return groups.reduce((sum, g) => sum + g.count, 0);
}

/** Facts about an area's activity groups: a lead sentence, then one sentence per group. */
function groupParagraphs(
  ctx: ComposeContext,
  area: string,
  groups: ActivityGroup[],
): ReportParagraph[] {
  const shown = groups.slice(0, ctx.maxGroups);
  if (shown.length === 0) return [];
  const start = CONNECTORS.indexOf(ctx.pick(`conn|${area}`, CONNECTORS));
  const paragraphs: ReportParagraph[] = [];
  let pieces: Piece[] = [];
  const total = recordCount(groups);
  if (shown.length >= 3) {
    pieces.push(
      `${ctx.periodShort}，${ctx.subject}在${area}方面共开展各类工作`,
      ctx.fig(total, '项', 'activity.count', { area }),
      '。',
    );
  }
  shown.forEach((group, i) => {
    let lead: string;
    if (i === 0) lead = shown.length >= 3 ? '' : `${ctx.periodShort}，${ctx.subject}`;
    else lead = CONNECTORS[(start + i) % CONNECTORS.length] ?? '';
    pieces.push(lead, ...describeGroup(ctx, area, group), '。');
    if ((i + 1) % GROUPS_PER_PARAGRAPH === 0 && i + 1 < shown.length) {
      paragraphs.push(paragraphOf(pieces));
      pieces = [];
    }
  });
  paragraphs.push(paragraphOf(pieces));
  return paragraphs;
}

const OUTCOME_TEXT: Record<RequirementStatus['status'], string> = {
  met: '达到要求',
  missed: '未达到要求',
  'due-soon': '正在推进',
  pending: '尚未到期',
};

/**
 * A status's period as the requirements paragraph says it: without the year when it lies in the
 * report's year (`上半年`, `第二季度`, `全年`) — the paragraph lists many requirements, and
 * `2025年应完成1次` said for each reads as a repeated clause.
 */
function periodWithin(ctx: ComposeContext, r: RequirementStatus): string {
  const { period } = ctx.input;
  const year = `${yearOf(period.from)}年`;
  if (yearOf(period.to) !== yearOf(period.from) || !r.periodLabel.startsWith(year)) {
    return r.periodLabel;
  }
  return r.periodLabel.slice(year.length) || '全年';
}

/** `对照要求逐项自查：“…”（每季度不少于1次），第一季度应完成1次、实际完成2次，已达到要求。` */
export function requirementsParagraph(
  ctx: ComposeContext,
  requirements: RequirementStatus[],
): ReportParagraph | null {
  if (requirements.length === 0) return null;
  const byId = new Map<string, RequirementStatus[]>();
  for (const r of requirements.slice(0, 60)) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const lead = ctx.input.kind === 'selfcheck' ? '对照要求逐项自查：' : '对照要求逐项检查：';
  const pieces: Piece[] = [lead];
  [...byId.values()].forEach((statuses, i) => {
    const first = statuses[0] as RequirementStatus;
    if (i > 0) pieces.push('；');
    pieces.push(`${quoted(first.title)}（${first.cadence}），`);
    statuses.forEach((r, j) => {
      const filter = { requirementId: r.id, area: r.area, from: r.from, to: r.to };
      const unit = r.unit ?? '次';
      pieces.push(
        j > 0 ? `，${periodWithin(ctx, r)}应完成` : `${periodWithin(ctx, r)}应完成`,
        ctx.fig(r.required, unit, 'requirement.required', filter),
        '、实际完成',
        ctx.fig(r.actual, unit, 'requirement.actual', filter),
      );
      const next = statuses[j + 1];
      if (!next || next.status !== r.status) {
        const together = j > 0 && statuses[j - 1]?.status === r.status;
        pieces.push(`，${together ? '均' : ''}${OUTCOME_TEXT[r.status]}`);
      }
    });
  });
  pieces.push('。');
  return paragraphOf(pieces);
}

function statusOf(ctx: ComposeContext, count: number, hasExtras: boolean): CoverageStatus {
  if (count === 0) return hasExtras ? 'covered' : 'empty';
  return count <= ctx.thinThreshold ? 'thin' : 'covered';
}

function areaItems(ctx: ComposeContext): WorkItemContext[] {
  const { input } = ctx;
  const extras = buildExtrasByArea(ctx);
  const selfcheck = input.kind === 'selfcheck';
  const items: WorkItemContext[] = [];
  const seen = new Set<string>();
  for (const aggregate of input.areas) {
    const area = aggregate.area;
    if (seen.has(area)) continue;
    seen.add(area);
    const groups = liveGroups(aggregate);
    const own = extras.get(area) ?? [];
    const requirements = (input.requirements ?? []).filter((r) => r.area === area);
    const paragraphs = [...groupParagraphs(ctx, area, groups), ...own];
    const count = recordCount(groups);
    if (paragraphs.length === 0 && selfcheck) {
      paragraphs.push(paragraphOf([`${ctx.periodShort}，台账中尚无${area}方面的工作记录。`]));
    }
    const check = selfcheck ? requirementsParagraph(ctx, requirements) : null;
    if (check) paragraphs.push(check);
    const status = statusOf(ctx, count, own.length > 0);
    items.push({
      id: `area:${area}`,
      area,
      label: area,
      topic: ctx.pick(
        `topic|${area}`,
        status === 'empty' ? emptyAreaTopics(area) : areaTopics(area),
      ),
      recordCount: count,
      status,
      paragraphs,
      requirements,
    });
  }
  for (const [area, paragraphs] of extras) {
    if (seen.has(area)) continue;
    const topics = area === ctx.placements.subordinates ? SUBORDINATE_TOPICS : areaTopics(area);
    items.push({
      id: `area:${area}`,
      area,
      label: area,
      topic: ctx.pick(`topic|${area}`, topics),
      recordCount: 0,
      status: 'covered',
      paragraphs,
      requirements: [],
    });
  }
  return items;
}

function topicalItems(ctx: ComposeContext): WorkItemContext[] {
  const { input } = ctx;
  const area = input.topic?.area ?? '';
  const aggregate = input.areas.find((a) => a.area === area);
  if (!aggregate) {
    throw new ComposeError(
      'UNKNOWN_TOPIC_AREA',
      'topic.area',
      `专题报告的领域“${area}”不在 areas 中`,
    );
  }
  const groups = liveGroups(aggregate).slice(0, ctx.maxGroups);
  const items: WorkItemContext[] = groups.map((group) => {
    const label = groupLabel(group);
    const slot = `${area}|${group.type}|${group.subtype}`;
    return {
      id: `group:${group.type}:${group.subtype}`,
      area,
      label,
      topic: ctx.pick(`topic|${slot}`, groupTopics(classifyGroup(group), label)),
      recordCount: group.count,
      status: group.count <= ctx.thinThreshold ? 'thin' : 'covered',
      paragraphs: [
        paragraphOf([
          `${ctx.periodShort}，${ctx.subject}`,
          ...describeGroup(ctx, area, group),
          '。',
        ]),
      ],
      requirements: [],
    };
  });
  const extras = buildExtrasByArea(ctx).get(area) ?? [];
  const requirements = (input.requirements ?? []).filter((r) => r.area === area);
  const check = requirementsParagraph(ctx, requirements);
  const closing = [...extras, ...(check ? [check] : [])];
  if (closing.length > 0 || items.length === 0) {
    if (items.length === 0 && extras.length === 0) {
      closing.unshift(paragraphOf([`${ctx.periodShort}，台账中尚无${area}方面的工作记录。`]));
    }
    items.push({
      id: `area:${area}`,
      area,
      label: area,
      topic: ctx.pick(`topic|${area}`, areaTopics(area)),
      recordCount: recordCount(groups),
      status: statusOf(ctx, recordCount(groups), extras.length > 0),
      paragraphs: closing,
      requirements,
    });
  }
  return items;
}

/** The `（一）` items of the work section, in framework order. */
export function buildWorkItems(ctx: ComposeContext): WorkItemContext[] {
  return ctx.input.kind === 'topical' ? topicalItems(ctx) : areaItems(ctx);
}
