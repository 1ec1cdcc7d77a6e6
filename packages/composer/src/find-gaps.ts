import { areaPlans } from './area-phrases';
import { formatDate } from './chinese-format';
import { quoted } from './clean-text';
import type { ComposeContext } from './compose-context';
import type { RequirementStatus } from './compose-input';
import type { Piece } from './figures';
import type { WorkItemContext } from './report-context';

/** A shortfall the record shows, with what to say about it in 问题, 原因 and 打算. */
export interface Gap {
  kind: 'requirement' | 'rectification' | 'incidents' | 'empty-areas' | 'thin-areas';
  headline: string;
  detail: Piece[];
  cause: string;
  plans: { headline: string; body: Piece[] }[];
}

const MAX_REQUIREMENT_GAPS = 3;

function requirementGaps(ctx: ComposeContext): Gap[] {
  const byId = new Map<string, RequirementStatus[]>();
  const topicArea = ctx.input.kind === 'topical' ? ctx.input.topic?.area : undefined;
  for (const r of ctx.input.requirements ?? []) {
    if (r.status !== 'missed' || (topicArea !== undefined && r.area !== topicArea)) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  const groups = [...byId.values()];
  // Requirement statuses are the unit's own duties while the work section covers its whole
  // subtree; "本级" keeps a unit with subordinates from seeming to contradict itself.
  const ownLevel =
    ctx.input.scope !== 'unit' && (ctx.input.subordinates?.units ?? 0) > 0 ? '本级' : '';
  const gaps: Gap[] = groups.slice(0, MAX_REQUIREMENT_GAPS).map((statuses) => {
    const first = statuses[0] as RequirementStatus;
    const detail: Piece[] = [`对照${quoted(first.cadence)}的要求，`];
    statuses.forEach((r, i) => {
      const filter = { requirementId: r.id, area: r.area, from: r.from, to: r.to };
      if (i > 0) detail.push('、');
      detail.push(
        `${i === 0 ? ownLevel : ''}${r.periodLabel}实际完成`,
        ctx.fig(r.actual, r.unit ?? '次', 'requirement.actual', filter),
      );
    });
    detail.push(statuses.length > 1 ? '，均未达到要求。' : '，未达到要求。');
    return {
      kind: 'requirement',
      headline: ctx.pick(`gap.req|${first.id}`, [
        `${first.title}落实不到位`,
        `${first.title}还有差距`,
      ]),
      detail,
      cause: '对制度性工作的时间节点把握不够精准，统筹安排不够到位',
      plans: [
        {
          headline: `抓好${first.title}`,
          body: [
            `严格按照${quoted(first.cadence)}的要求，提前谋划、按期完成，确保不缺项、不漏项。`,
          ],
        },
      ],
    };
  });
  const rest = groups.slice(MAX_REQUIREMENT_GAPS).map((s) => (s[0] as RequirementStatus).title);
  if (rest.length > 0) {
    gaps.push({
      kind: 'requirement',
      headline: '其他制度性要求落实还不够到位',
      detail: [
        `${rest.slice(0, 4).map(quoted).join('')}${rest.length > 4 ? '等' : ''}要求在报告期内未达到规定次数。`,
      ],
      cause: '对制度性工作的时间节点把握不够精准，统筹安排不够到位',
      plans: [],
    });
  }
  return gaps;
}

function rectificationGap(ctx: ComposeContext): Gap | null {
  const rect = ctx.input.rectification;
  if (!rect || rect.overdue <= 0) return null;
  const overdue = (): Piece => ctx.fig(rect.overdue, '项', 'rectification.overdue');
  const detail: Piece[] = [
    `截至${formatDate(rect.asOf)}，仍有`,
    overdue(),
    '整改事项超过期限未完成',
  ];
  const example = rect.overdueItems[0];
  if (example)
    detail.push(`，如${quoted(example.title)}（整改期限为${formatDate(example.deadline)}）`);
  detail.push('。');
  return {
    kind: 'rectification',
    headline: ctx.pick('gap.rect', ['整改落实还不够及时', '问题整改还不够到位']),
    detail,
    cause: '整改跟踪督办还不够有力，压力传导不够',
    plans: [
      {
        headline: '加快推进问题整改',
        body: ['对逾期未完成的', overdue(), '整改事项逐项明确责任和时限，推动按期销号。'],
      },
    ],
  };
}

function incidentsGap(ctx: ComposeContext): Gap | null {
  const incidents = ctx.input.incidents;
  if (!incidents) return null;
  const open = incidents.total - incidents.closed;
  if (open <= 0) return null;
  return {
    kind: 'incidents',
    headline: '舆情事件闭环处置还不到位',
    detail: ['报告期内发现的舆情事件中，尚有', ctx.fig(open, '起', 'incident.open'), '未办结。'],
    cause: '舆情处置闭环管理还需加强',
    plans: [
      {
        headline: '推动舆情事件闭环处置',
        body: ['对未办结事项明确责任人和办结时限，及时回应社会关切。'],
      },
    ],
  };
}

function areaList(areas: string[]): string {
  return areas.length <= 3 ? areas.join('、') : `${areas.slice(0, 3).join('、')}等`;
}

function emptyAreasGap(ctx: ComposeContext, items: WorkItemContext[]): Gap | null {
  const areas = items.filter((i) => i.status === 'empty').map((i) => i.area);
  if (areas.length === 0) return null;
  const single = areas.length === 1;
  return {
    kind: 'empty-areas',
    headline: single ? `${areas[0]}工作相对薄弱` : `${areaList(areas)}方面工作存在短板`,
    detail: [`${ctx.periodShort}，台账中尚无${single ? '该' : '上述'}方面的工作记录。`],
    cause: '工作统筹还不够全面，部分领域谋划推进不够',
    plans: areas.slice(0, 2).map((area) => ({
      headline: `补齐${area}工作短板`,
      body: [
        `结合本单位实际，${ctx.nextPeriod}有计划地开展${area}相关工作，做到有部署、有落实、有记录。`,
      ],
    })),
  };
}

function thinAreasGap(ctx: ComposeContext, items: WorkItemContext[]): Gap | null {
  // An area whose requirements are met is not thin, however few its records.
  const thin = items
    .filter((i) => i.status === 'thin' && i.id.startsWith('area:'))
    .filter((i) => !i.requirements.some((r) => r.status === 'met'))
    .slice(0, 3);
  if (thin.length === 0) return null;
  const detail: Piece[] = [`${ctx.periodShort}，`];
  thin.forEach((item, i) => {
    if (i > 0) detail.push('，');
    detail.push(
      `${item.area}方面仅开展相关工作`,
      ctx.fig(item.recordCount, '项', 'activity.count', { area: item.area }),
    );
  });
  detail.push('。');
  const names = thin.map((i) => i.area);
  return {
    kind: 'thin-areas',
    headline: `${names.join('、')}${names.length > 1 ? '等方面' : ''}工作开展还不够经常`,
    detail,
    cause: '工作统筹还不够全面，部分领域谋划推进不够',
    plans: names
      .slice(0, 1)
      .flatMap((area) => areaPlans(area).map((p) => ({ headline: p.headline, body: [p.body] }))),
  };
}

/** Shortfalls in priority order: missed requirements, overdue rectification, open incidents, empty and thin areas. */
export function findGaps(ctx: ComposeContext, items: WorkItemContext[]): Gap[] {
  // A 专题报告 reports only the shortfalls of its own area.
  const topicArea = ctx.input.kind === 'topical' ? ctx.input.topic?.area : undefined;
  const inScope = (area: string): boolean => topicArea === undefined || topicArea === area;
  const gaps: (Gap | null)[] = [
    ...requirementGaps(ctx),
    inScope(ctx.placements.rectification) ? rectificationGap(ctx) : null,
    inScope(ctx.placements.incidents) ? incidentsGap(ctx) : null,
    emptyAreasGap(ctx, items),
    thinAreasGap(ctx, items),
  ];
  return gaps.filter((g): g is Gap => g !== null);
}
