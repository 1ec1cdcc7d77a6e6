import { forEachCombinedMatch } from '../facts/combined-pattern';
import { scanPattern } from '../text/pattern-scan';
import type { RuleContext } from './rule-context';

/** Longest line (trimmed) proposed for deletion as a whole. */
const MAX_RESIDUE_LINE = 80;

const URL = scanPattern(/(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+/g);

/** Template and paste residue: sharing/advert lines, 咨询 contacts, 仅供学习, template-site URLs. */
export function checkResidue(ctx: RuleContext): void {
  const { index, lines, facts } = ctx;
  // One pass per pattern over the whole text; each hit flags its whole line once.
  const flaggedLines = new Set<number>();
  const parts = facts.residueLines.map((p) => p.pattern);
  forEachCombinedMatch(index, parts, (which, start, end) => {
    const p = facts.residueLines[which];
    if (!p) return;
    const li = index.lineAt(start);
    if (flaggedLines.has(li)) return;
    flaggedLines.add(li);
    const t = (lines[li] as (typeof lines)[number]).text;
    // Residue lines are short notices; in a long paragraph only the words are pointed out,
    // and nothing is proposed for deletion.
    if (t.trim().length > MAX_RESIDUE_LINE) {
      ctx.findings.add(
        'residue',
        'residue/line',
        'warning',
        start,
        end - start,
        `疑似${p.message}，请核实`,
      );
      return;
    }
    const lead = t.length - t.trimStart().length;
    ctx.findings.add(
      'residue',
      'residue/line',
      'error',
      (lines[li] as (typeof lines)[number]).start + lead,
      t.trim().length,
      `${p.message}，应删除整行`,
      '',
    );
  });
  for (const p of facts.residueInline) {
    for (const m of index.matchAll(p.pattern)) {
      if (flaggedLines.has(index.lineAt(m.index))) continue;
      ctx.findings.add(
        'residue',
        'residue/instruction',
        'error',
        m.index,
        m[0].length,
        `${p.message}，应删除`,
        '',
      );
    }
  }
  for (const m of index.matchAll(URL)) {
    const url = m[0].toLowerCase();
    const host = url.replace(/^https?:\/\//, '').split(/[/?#:]/)[0] ?? '';
    if (!facts.templateDomains.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    // The whole-line rule may already cover this line.
    const li = index.lineAt(m.index);
    if (flaggedLines.has(li)) continue;
    ctx.findings.add(
      'residue',
      'residue/template-url',
      'error',
      m.index,
      m[0].length,
      `范文网站链接“${host}”，说明文档来自下载的模板，应删除`,
      '',
    );
  }
}
