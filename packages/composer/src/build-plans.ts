import { areaPlans } from './area-phrases';
import { ordinalLead } from './chinese-format';
import { userSentence } from './clean-text';
import type { ComposeContext } from './compose-context';
import type { Gap } from './find-gaps';
import type { Piece } from './figures';
import { paragraphOf } from './figures';
import type { ReportContext, WorkItemContext } from './report-context';

const MIN_POINTS = 3;
const MAX_GENERATED = 5;

/** 下一步工作打算: answers to the gaps, the user's own plans, then standard points per area. */
export function buildPlans(
  ctx: ComposeContext,
  gaps: Gap[],
  items: WorkItemContext[],
): ReportContext['plans'] {
  const seen = new Set<string>();
  const generated: Piece[][] = [];
  const add = (headline: string, body: Piece[]): void => {
    if (seen.has(headline) || generated.length >= MAX_GENERATED) return;
    seen.add(headline);
    generated.push([`${headline}。`, ...body]);
  };
  for (const gap of gaps) for (const plan of gap.plans) add(plan.headline, plan.body);
  const user = (ctx.input.plans ?? []).map(userSentence).filter((s) => s !== '');
  const areas = [...new Set(items.filter((i) => i.status !== 'empty').map((i) => i.area))];
  if (areas.length === 0) areas.push('组织领导', '理论学习', '宣传教育');
  for (const area of areas) {
    if (generated.length + user.length >= MIN_POINTS) break;
    for (const plan of areaPlans(area)) add(plan.headline, [plan.body]);
  }
  const points: Piece[][] = [...generated, ...user.map((s) => [s])];
  const heading = ctx.input.kind === 'selfcheck' ? '下一步整改措施和工作打算' : '下一步工作打算';
  const intro = ctx.pick('plans.intro', [
    `${ctx.nextPeriod}，${ctx.subject}将坚持问题导向，重点抓好以下工作：`,
    `下一步，${ctx.subject}将针对存在的问题，重点做好以下工作：`,
  ]);
  return {
    heading,
    intro: paragraphOf([intro]),
    items: points.map((pieces, i) => paragraphOf([ordinalLead(i + 1), ...pieces])),
  };
}
