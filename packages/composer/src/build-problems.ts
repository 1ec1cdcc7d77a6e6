import { ordinalLead } from './chinese-format';
import { userSentence } from './clean-text';
import type { ComposeContext } from './compose-context';
import type { Gap } from './find-gaps';
import type { Piece } from './figures';
import { paragraphOf } from './figures';
import type { ReportContext } from './report-context';

const MAX_GENERATED = 5;

function causesParagraph(gaps: Gap[]): ReturnType<typeof paragraphOf> | undefined {
  const causes = [...new Set(gaps.map((g) => g.cause))];
  if (causes.length === 0) return undefined;
  if (causes.length === 1) return paragraphOf([`究其原因，主要是${causes[0]}。`]);
  if (causes.length === 2)
    return paragraphOf([`究其原因，一方面${causes[0]}；另一方面${causes[1]}。`]);
  const listed = causes.map((c, i) => `${ordinalLead(i + 1)}${c}`).join('；');
  return paragraphOf([`究其原因，主要有以下几点：${listed}。`]);
}

/** 存在的问题: gaps from the record first, then the user's own points, as 一是…二是…. */
export function buildProblems(ctx: ComposeContext, gaps: Gap[]): ReportContext['problems'] {
  const points: Piece[][] = gaps
    .slice(0, MAX_GENERATED)
    .map((gap) => [`${gap.headline}。`, ...gap.detail]);
  for (const text of ctx.input.problems ?? []) {
    const sentence = userSentence(text);
    if (sentence) points.push([sentence]);
  }
  const withCauses = ctx.input.kind === 'annual-summary' && ctx.causeAnalysis && gaps.length > 0;
  const heading = withCauses ? '存在的问题及原因分析' : '存在的问题';
  if (points.length === 0) {
    const requirements = ctx.input.requirements ?? [];
    const allMet = requirements.length > 0 && requirements.every((r) => r.status === 'met');
    const lead = allMet
      ? '对照上级要求，报告期内各项制度性要求均已按期落实，'
      : `对照上级要求，${ctx.subject}意识形态工作总体平稳有序，`;
    return {
      heading,
      items: [
        paragraphOf([
          `${lead}但在工作创新、成果转化等方面仍有提升空间，需要在今后工作中加以改进。`,
        ]),
      ],
    };
  }
  const nothingDone = ctx.input.activityTotal === 0;
  const intro = nothingDone
    ? `对照上级要求，${ctx.subject}意识形态工作还存在以下问题：`
    : ctx.pick('problems.intro', [
        `${ctx.periodShort}，${ctx.subject}意识形态工作取得了一定成效，但对照上级要求，还存在一些不足：`,
        `对照上级要求和工作实际，${ctx.subject}意识形态工作还存在一些薄弱环节：`,
        `在看到成绩的同时，我们也清醒地认识到，工作中还存在一些问题和不足：`,
      ]);
  return {
    heading,
    intro: paragraphOf([intro]),
    items: points.map((pieces, i) => paragraphOf([ordinalLead(i + 1), ...pieces])),
    causes: withCauses ? causesParagraph(gaps.slice(0, MAX_GENERATED)) : undefined,
  };
}
