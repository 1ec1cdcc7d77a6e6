import type { ComposeContext } from './compose-context';
import type { Piece } from './figures';
import { paragraphOf } from './figures';
import type { ReportParagraph } from './structured-report';

/** The default basis of a 自查报告 when the input names none. */
export const DEFAULT_SELFCHECK_BASIS = '党委（党组）意识形态工作责任制实施办法';

function totalClause(ctx: ComposeContext): Piece[] {
  const total = ctx.input.activityTotal;
  if (total <= 0) return [];
  return [
    ctx.pick('opening.total', ['共开展各类意识形态相关工作', '累计开展意识形态相关工作']),
    ctx.fig(total, '项', 'activity.total'),
    '，',
  ];
}

function summaryOpening(ctx: ComposeContext): Piece[] {
  const { input } = ctx;
  const leader = input.parentUnitName?.trim() || '上级党组织';
  const annual = input.kind === 'annual-summary';
  return [
    `${input.period.label}，${input.unit.name}在${leader}的正确领导下，`,
    ctx.pick('opening.guide', [
      '坚持以习近平新时代中国特色社会主义思想为指导，',
      '以习近平新时代中国特色社会主义思想为指导，',
    ]),
    ctx.pick('opening.action', [
      '认真贯彻落实党中央关于意识形态工作的决策部署和上级党委工作要求，严格落实意识形态工作责任制，',
      '深入落实意识形态工作责任制，牢牢把握正确政治方向，',
      '认真落实意识形态工作责任制，牢牢掌握意识形态工作领导权，',
    ]),
    ...totalClause(ctx),
    ctx.pick('opening.state', ['各项工作有序推进。', '意识形态工作总体平稳有序。']),
    annual
      ? ctx.pick('opening.end.annual', ['现将全年工作总结如下：', '现将有关情况总结如下：'])
      : ctx.pick('opening.end', ['现将有关情况报告如下：', '现将有关工作情况报告如下：']),
  ];
}

function selfcheckOpening(ctx: ComposeContext): Piece[] {
  const { input } = ctx;
  const basis = (input.basis?.trim() || DEFAULT_SELFCHECK_BASIS).replace(/^《|》$/g, '');
  const parent = input.parentUnitName?.trim();
  const pieces: Piece[] = [
    `根据《${basis}》要求，`,
    parent ? `按照${parent}工作部署，` : '',
    `${input.unit.name}对照意识形态工作责任制各项要求，对本单位${input.period.label}意识形态工作进行了自查。`,
  ];
  if (input.activityTotal > 0) {
    pieces.push(`${ctx.periodShort}，`, ...totalClause(ctx).slice(0, 2), '。');
  }
  pieces.push('现将自查情况报告如下：');
  return pieces;
}

function topicalOpening(ctx: ComposeContext, theme: string): Piece[] {
  const { input } = ctx;
  const area = input.topic?.area ?? '';
  const count = input.areas
    .filter((a) => a.area === area)
    .flatMap((a) => a.groups)
    .reduce((sum, g) => sum + Math.max(0, g.count), 0);
  const pieces: Piece[] = [
    `${input.period.label}，${input.unit.name}`,
    ctx.pick('topical.verb', ['围绕', '聚焦']),
    `${theme}工作，`,
    ctx.pick('topical.action', ['认真落实上级部署要求，', '压实工作责任，']),
    '扎实推进各项任务落实',
  ];
  if (count > 0) {
    pieces.push(`，${area}方面共开展各类工作`, ctx.fig(count, '项', 'activity.count', { area }));
  }
  const parent = input.parentUnitName?.trim();
  pieces.push(`。${parent ? `按照${parent}要求，` : ''}现将有关情况专题报告如下：`);
  return pieces;
}

/** The opening paragraph: period, guidance, a figure for the whole, and the closing formula. */
export function buildOpening(ctx: ComposeContext, theme: string): ReportParagraph {
  switch (ctx.input.kind) {
    case 'half-year-summary':
    case 'annual-summary':
      return paragraphOf(summaryOpening(ctx));
    case 'selfcheck':
      return paragraphOf(selfcheckOpening(ctx));
    case 'topical':
      return paragraphOf(topicalOpening(ctx, theme));
    default: {
      const unknown: never = ctx.input.kind;
      throw new Error(`unknown report kind ${String(unknown)}`);
    }
  }
}
