import type { DocumentKind } from '../types';
import { scanPattern } from '../text/pattern-scan';
import { hasText } from '../text/text-index';
import type { Line } from '../text/text-index';
import type { RuleContext } from './rule-context';
import { PHRASE_TITLE } from './title-shape';

const TITLE_WORDS =
  /关于|报告|总结|汇报|自查|情况|方案|意见|通知|计划|安排|打算|分析|要点|清单|函|说明|发言|讲话|材料|纪要|宣讲|提纲|讲稿|致辞|倡议|简报|心得|体会|感悟/;
const PROBLEMS = /存在的?(?:主要)?问题|问题(?:和|与|及)不足|不足之处|短板弱项|差距和不足/;
const NEXT_STEPS =
  /下一步|(?:工作)?打算|今后(?:工作|努力)|(?:明年|下半年)(?:工作)?(?:计划|安排|思路)|整改措施/;
const DATE_LINE =
  /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
const HEADING = /^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
// Headings name these sections in more ways than the text-wide search may accept (发现的问题
// in a sentence is not a problems section): 二、存在的不足, 二、自查发现的主要问题, 三、2026年工作思路.
const PROBLEMS_HEADING =
  /(?:发现|查摆|查找|排查)出?的?(?:主要)?问题|存在的?不足|不足(?:和|与|及)差距/;
const NEXT_STEPS_HEADING =
  /(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:的)?(?:工作)?(?:思路|计划|安排|打算)/;
/** A subtitle under the title (——在……上的讲话), or a news dateline under a headline (本报讯（记者…）). */
const SUBTITLE = /^[\s\u3000]*(?:——|本报讯|\p{Script=Han}{1,12}[讯电][（(])/u;
// The same searches over the whole text, through the shared pattern scan; only whether there
// is a match counts, so NEXT_STEPS's optional 工作 before 打算 is left out (the scan would
// otherwise try every 工作 in the text).
const PROBLEMS_IN_TEXT = scanPattern(new RegExp(PROBLEMS.source, 'g'));
const NEXT_STEPS_IN_TEXT = scanPattern(
  new RegExp(NEXT_STEPS.source.replace('(?:工作)?打算', '打算'), 'g'),
);

const REQUIRES: Record<
  DocumentKind,
  { problems: boolean; nextSteps: boolean; signature: boolean }
> = {
  summary: { problems: true, nextSteps: true, signature: true },
  selfcheck: { problems: true, nextSteps: true, signature: true },
  topical: { problems: false, nextSteps: false, signature: true },
  other: { problems: false, nextSteps: false, signature: false },
};

/** Infers the document kind from its title. */
export function inferKind(text: string): DocumentKind {
  const title = text.trimStart().split('\n', 1)[0] ?? '';
  if (/自查/.test(title)) return 'selfcheck';
  if (/专题/.test(title)) return 'topical';
  if (/总结|工作的?报告|情况的?报告|工作情况/.test(title)) return 'summary';
  return 'other';
}

/** A heading that names a section (二、自查发现的主要问题), not a run-in one carrying facts. */
function isTopicHeading(heading: string): boolean {
  const t = heading.trim();
  return t.length <= 24 && !/[，。；：,;:]./.test(t);
}

/** The last `count` lines holding text, in document order. */
function lastLinesWithText(lines: readonly Line[], count: number): Line[] {
  const out: Line[] = [];
  for (let l = lines.length - 1; l >= 0 && out.length < count; l--) {
    const line = lines[l] as Line;
    if (hasText(line.text)) out.unshift(line);
  }
  return out;
}

/** Title, required sections per document kind, and the signature/date block. */
export function checkStructure(ctx: RuleContext): void {
  const { index, lines, text } = ctx;
  const first = lines.find((l) => hasText(l.text));
  if (!first) return;
  const title = first.text.trim();
  const shaped = title.length <= 60 && !/[。；！？]$/.test(title);
  const second = lines.find((l) => l.index > first.index && hasText(l.text));
  const titleLike =
    shaped &&
    (TITLE_WORDS.test(title) ||
      PHRASE_TITLE.test(title) ||
      (second !== undefined && SUBTITLE.test(second.text)));
  if (!titleLike) {
    ctx.findings.add(
      'structure',
      'structure/missing-title',
      'warning',
      first.start,
      0,
      '缺少标题：第一行应为“{单位}关于{年份}年……的报告”等形式的标题',
    );
  }
  const req = REQUIRES[ctx.kind];
  // A heading marker is text, so blank lines never match.
  const headings: string[] = [];
  for (let l = 0; l < lines.length; l++) {
    const t = (lines[l] as Line).text;
    if (HEADING.test(t)) headings.push(t);
  }
  const end = text.length;
  if (
    req.problems &&
    !headings.some((h) => PROBLEMS.test(h) || (isTopicHeading(h) && PROBLEMS_HEADING.test(h))) &&
    !index.matchFrom(PROBLEMS_IN_TEXT, 0)
  ) {
    ctx.findings.add(
      'structure',
      'structure/missing-problems',
      'warning',
      end,
      0,
      '缺少“存在的问题”部分：工作总结和自查报告应如实写明问题与不足',
    );
  }
  if (
    req.nextSteps &&
    !headings.some(
      (h) => NEXT_STEPS.test(h) || (isTopicHeading(h) && NEXT_STEPS_HEADING.test(h)),
    ) &&
    !index.matchFrom(NEXT_STEPS_IN_TEXT, 0)
  ) {
    ctx.findings.add(
      'structure',
      'structure/missing-next-steps',
      'warning',
      end,
      0,
      '缺少“下一步工作打算”部分',
    );
  }
  if (req.signature) {
    const tail = lastLinesWithText(lines, 3).map((l) => l.text.trim());
    const hasDate = tail.some((l) => DATE_LINE.test(l));
    if (!hasDate) {
      ctx.findings.add(
        'structure',
        'structure/missing-signature',
        'warning',
        end,
        0,
        '缺少落款：文末应有署名单位和成文日期（如“2024年7月10日”）',
      );
    }
  }
}
