import { Liquid } from 'liquidjs';
import type {
  ReportKind,
  ReportContext,
  ReportParagraph,
  ReportSection,
  ReportSectionRole,
  ReportSubsection,
  StructuredReport,
} from '@taizhang/composer';
import { chineseNumeral, paragraphText } from '@taizhang/composer';
import { AppError } from '../../errors/app-error';

// Report templates are LiquidJS over the composer's ReportContext. A template writes a small
// line markup; every computed paragraph appears in the context as an opaque marker, so figures
// keep their links to the records whatever the layout:
//   # 标题            the title (one line)
//   > 主送机关        optional, under the title
//   ## 一、标题       a section (role by wording: 问题 → problems, 打算/下一步 → plans, else work)
//   ### （一）主题句  a subsection of the current section
//   any other line    a paragraph (the first one before any section is the opening)

export const TEMPLATE_LIMITS = {
  /** Characters of template source. */
  bodyChars: 50_000,
  /** LiquidJS parseLimit (characters parsed). */
  parseLimit: 100_000,
  /** LiquidJS renderLimit (milliseconds of rendering). */
  renderMs: 1_000,
  /** LiquidJS memoryLimit (bytes of strings and arrays allocated by filters and tags). */
  memoryBytes: 16_000_000,
  /** Characters of rendered output. */
  outputChars: 300_000,
  sections: 20,
  subsectionsPerSection: 60,
  paragraphs: 1_000,
} as const;

const BASE_TEMPLATE = `# {{ title }}
{% if recipient %}> {{ recipient }}
{% endif %}{{ opening }}
## 一、{{ work.heading }}
{% if work.items.size == 0 %}{{ work.empty }}
{% endif %}{% for item in work.items %}### {{ item.number }}{{ item.topic }}
{% for p in item.paragraphs %}{{ p }}
{% endfor %}{% endfor %}## 二、{{ problems.heading }}
{% for p in problems.paragraphs %}{{ p }}
{% endfor %}## 三、{{ plans.heading }}
{% for p in plans.paragraphs %}{{ p }}
{% endfor %}`;

const KIND_NOTES: Record<ReportKind, string> = {
  'half-year-summary': '半年工作总结：一、主要工作；二、存在的问题；三、下一步工作打算。',
  'annual-summary': '年度工作总结：问题部分含原因分析（problems.causes）。',
  selfcheck: '自查报告：开头写明自查依据，一、对照责任制逐项自查。',
  topical: '专题报告：围绕一个框架领域（work.items 只含该领域的事项）。',
};

/** The template each kind ships with; an administrator's saved template replaces it. */
export function defaultTemplate(kind: ReportKind): string {
  return `{% comment %}${KIND_NOTES[kind]}{% endcomment %}${BASE_TEMPLATE}`;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

/** What a template sees: the report context, with paragraphs as markers and plain texts beside. */
export interface TemplateModel {
  model: Record<string, unknown>;
  paragraphs: ReportParagraph[];
  /** Subsection topic → the work item's id and area. */
  items: Map<string, { id: string; area: string }>;
}

/** Builds the template's variables from a ReportContext. */
export function templateModel(context: ReportContext): TemplateModel {
  const paragraphs: ReportParagraph[] = [];
  const mark = (p: ReportParagraph): string => {
    paragraphs.push(p);
    return `${OPEN}${paragraphs.length - 1}${CLOSE}`;
  };
  const markAll = (list: readonly ReportParagraph[]) => list.map(mark);
  const printed = context.work.items.filter((item) => item.paragraphs.length > 0);
  const items = new Map(printed.map((item) => [item.topic, { id: item.id, area: item.area }]));
  const model: Record<string, unknown> = {
    kind: context.kind,
    title: context.title,
    // nil, not '': an empty string is truthy in Liquid.
    recipient: context.recipient ?? null,
    unit: { name: context.unit.name, subject: context.unit.subject },
    parentUnitName: context.parentUnitName ?? null,
    period: {
      label: context.period.label,
      from: context.period.from,
      to: context.period.to,
      kind: context.period.kind,
    },
    periodShort: context.periodShort,
    nextPeriod: context.nextPeriod,
    date: context.date,
    dateText: context.dateText,
    signature: context.signature,
    opening: mark(context.opening),
    openingText: paragraphText(context.opening),
    work: {
      heading: context.work.heading,
      empty: `${context.periodShort}，台账中尚无${context.unit.subject}意识形态工作的记录。`,
      items: printed.map((item, i) => ({
        id: item.id,
        number: `（${chineseNumeral(i + 1)}）`,
        topic: item.topic,
        area: item.area,
        label: item.label,
        status: item.status,
        recordCount: item.recordCount,
        paragraphs: markAll(item.paragraphs),
        texts: item.paragraphs.map(paragraphText),
      })),
    },
    problems: {
      heading: context.problems.heading,
      intro: context.problems.intro ? mark(context.problems.intro) : '',
      items: markAll(context.problems.items),
      causes: context.problems.causes ? mark(context.problems.causes) : '',
      paragraphs: [] as string[],
    },
    plans: {
      heading: context.plans.heading,
      intro: context.plans.intro ? mark(context.plans.intro) : '',
      items: markAll(context.plans.items),
      paragraphs: [] as string[],
    },
  };
  // `paragraphs` lists re-use the same markers so either form can be used in a template.
  const problems = model.problems as {
    intro: string;
    items: string[];
    causes: string;
    paragraphs: string[];
  };
  problems.paragraphs = [problems.intro, ...problems.items, problems.causes].filter(
    (m) => m !== '',
  );
  const plans = model.plans as { intro: string; items: string[]; paragraphs: string[] };
  plans.paragraphs = [plans.intro, ...plans.items].filter((m) => m !== '');
  return { model, paragraphs, items };
}

function templateError(message: string, line?: number): AppError {
  const where = line ? `（第 ${line} 行）` : '';
  return new AppError('VALIDATION_FAILED', `报告模板无效${where}：${message}`, [
    { path: 'body', message },
  ]);
}

function newEngine(): Liquid {
  return new Liquid({
    templates: {},
    strictFilters: true,
    ownPropertyOnly: true,
    parseLimit: TEMPLATE_LIMITS.parseLimit,
    renderLimit: TEMPLATE_LIMITS.renderMs,
    memoryLimit: TEMPLATE_LIMITS.memoryBytes,
    cache: false,
  });
}

/** Explains a LiquidJS error in Chinese without leaking internals. */
function explain(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line:(\d+)/.exec(message)?.[1];
  if (/parse length limit|parseLimit/i.test(message))
    return templateError('模板过长，超出解析上限');
  if (/template render limit|renderLimit|timeout/i.test(message))
    return templateError(`渲染超时（上限 ${TEMPLATE_LIMITS.renderMs} 毫秒），请检查循环`);
  if (/memory alloc limit|memoryLimit/i.test(message))
    return templateError('渲染占用内存超出上限，请检查循环或过滤器');
  if (/undefined filter/i.test(message))
    return templateError(
      `使用了不存在的过滤器：${/undefined filter: (\S+)/i.exec(message)?.[1] ?? ''}`,
      line ? Number(line) : undefined,
    );
  if (/not found|include|render|layout/i.test(message) && /ENOENT|not found/i.test(message))
    return templateError('模板不能引用其他文件（include/render/layout）');
  const first = message.split(/[\n,]/)[0] ?? message;
  return templateError(`语法错误：${first.slice(0, 160)}`, line ? Number(line) : undefined);
}

/** Parses a template now, so a broken one is refused when saved rather than when used. */
export function validateTemplateSyntax(body: string): void {
  if (body.length > TEMPLATE_LIMITS.bodyChars)
    throw templateError(`模板不能超过 ${TEMPLATE_LIMITS.bodyChars} 个字符`);
  try {
    newEngine().parse(body);
  } catch (error) {
    throw explain(error);
  }
}

function sectionRole(heading: string): ReportSectionRole {
  if (/问题|不足|差距/.test(heading)) return 'problems';
  if (/打算|下一步|措施|计划/.test(heading)) return 'plans';
  return 'work';
}

const SECTION_NUMBER = /^([一二三四五六七八九十]+、)\s*/;
const SUB_NUMBER = /^(（[一二三四五六七八九十]+）)\s*/;

function resolveMarkers(
  line: string,
  paragraphs: readonly ReportParagraph[],
  lineNo: number,
): ReportParagraph {
  const segments: ReportParagraph['segments'] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (text === '') return;
    const prev = segments.at(-1);
    if (prev?.kind === 'text') prev.text += text;
    else segments.push({ kind: 'text', text });
  };
  for (const match of line.matchAll(MARKER)) {
    pushText(line.slice(last, match.index));
    const paragraph = paragraphs[Number(match[1])];
    if (!paragraph) throw templateError('段落标记已损坏', lineNo);
    for (const segment of paragraph.segments) {
      if (segment.kind === 'text') pushText(segment.text);
      else segments.push(segment);
    }
    last = (match.index ?? 0) + match[0].length;
  }
  pushText(line.slice(last));
  if (segments.some((s) => s.kind === 'text' && (s.text.includes(OPEN) || s.text.includes(CLOSE))))
    throw templateError('段落标记已损坏', lineNo);
  return { segments };
}

/** Turns rendered markup into a StructuredReport; every structural problem is a 400. */
export function parseRendered(
  output: string,
  tm: TemplateModel,
  context: ReportContext,
): StructuredReport {
  if (output.length > TEMPLATE_LIMITS.outputChars)
    throw templateError(`生成的报告超过 ${TEMPLATE_LIMITS.outputChars} 个字符`);
  let title = '';
  let recipient: string | undefined;
  let opening: ReportParagraph | undefined;
  const sections: ReportSection[] = [];
  let paragraphCount = 0;
  const lines = output.split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('### ')) {
      const section = sections.at(-1);
      if (!section) throw templateError('“###” 小节必须位于某个 “##” 部分之下', lineNo);
      if (section.subsections.length >= TEMPLATE_LIMITS.subsectionsPerSection)
        throw templateError('小节过多', lineNo);
      const text = paragraphText(resolveMarkers(line.slice(4).trim(), tm.paragraphs, lineNo));
      const topic = text.replace(SUB_NUMBER, '').trim();
      if (topic === '') throw templateError('小节标题为空', lineNo);
      const item = tm.items.get(topic);
      const sub: ReportSubsection = {
        id: item?.id ?? `${section.id}-${section.subsections.length + 1}`,
        number: `（${chineseNumeral(section.subsections.length + 1)}）`,
        topic,
        paragraphs: [],
      };
      if (item) sub.area = item.area;
      section.subsections.push(sub);
      return;
    }
    if (line.startsWith('## ')) {
      if (sections.length >= TEMPLATE_LIMITS.sections) throw templateError('部分过多', lineNo);
      const heading = paragraphText(resolveMarkers(line.slice(3).trim(), tm.paragraphs, lineNo))
        .replace(SECTION_NUMBER, '')
        .trim();
      if (heading === '') throw templateError('部分标题为空', lineNo);
      const role = sectionRole(heading);
      const sameRole = sections.filter((s) => s.role === role).length;
      sections.push({
        id: sameRole === 0 ? role : `${role}-${sameRole + 1}`,
        role,
        number: `${chineseNumeral(sections.length + 1)}、`,
        heading,
        paragraphs: [],
        subsections: [],
      });
      return;
    }
    if (line.startsWith('# ')) {
      if (title !== '') throw templateError('标题只能有一行', lineNo);
      title = paragraphText(resolveMarkers(line.slice(2).trim(), tm.paragraphs, lineNo)).trim();
      return;
    }
    if (line === '>' || line.startsWith('> ')) {
      recipient =
        paragraphText(resolveMarkers(line.slice(1).trim(), tm.paragraphs, lineNo))
          .replace(/[：:]$/, '')
          .trim() || undefined;
      return;
    }
    const paragraph = resolveMarkers(line, tm.paragraphs, lineNo);
    if (paragraphText(paragraph).trim() === '') return;
    paragraphCount += 1;
    if (paragraphCount > TEMPLATE_LIMITS.paragraphs) throw templateError('段落过多', lineNo);
    const section = sections.at(-1);
    if (!section) {
      if (opening) throw templateError('第一部分之前只能有一段开头语', lineNo);
      opening = paragraph;
      return;
    }
    const sub = section.subsections.at(-1);
    if (sub) sub.paragraphs.push(paragraph);
    else section.paragraphs.push(paragraph);
  });
  if (title === '') throw templateError('缺少标题行（以 “# ” 开头）');
  if (!opening) throw templateError('缺少开头语段落');
  if (sections.length === 0) throw templateError('至少需要一个 “## ” 部分');
  for (const section of sections) {
    for (const sub of section.subsections) {
      if (sub.paragraphs.length === 0) throw templateError(`小节“${sub.topic}”没有内容`);
    }
  }
  const report: StructuredReport = {
    version: 1,
    kind: context.kind,
    title,
    unit: { id: context.unit.id, name: context.unit.name },
    period: context.period,
    opening,
    sections,
    signature: context.signature,
    date: context.date,
    dateText: context.dateText,
  };
  if (recipient) report.recipient = recipient;
  return report;
}

/** Renders a template over a context with LiquidJS's time, size and memory limits. */
export async function renderTemplate(
  body: string,
  context: ReportContext,
): Promise<StructuredReport> {
  validateTemplateSyntax(body);
  const tm = templateModel(context);
  const engine = newEngine();
  let output: string;
  try {
    output = String(await engine.parseAndRender(body, tm.model));
  } catch (error) {
    throw explain(error);
  }
  return parseRendered(output, tm, context);
}
