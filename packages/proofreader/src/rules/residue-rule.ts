import { forEachCombinedMatch } from '../facts/combined-pattern';
import type { Finding } from '../types';
import type { RuleContext } from './rule-context';

const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+/g;

/** Template and paste residue: sharing/advert lines, 咨询 contacts, 仅供学习, template-site URLs. */
export function checkResidue(ctx: RuleContext): Finding[] {
  const { index, lines, facts } = ctx;
  const out: Finding[] = [];
  // One pass per pattern over the whole text; each hit flags its whole line once.
  const flaggedLines = new Set<number>();
  forEachCombinedMatch(ctx.text, facts.residueLinesCombined, (which, start) => {
    const p = facts.residueLines[which];
    if (!p) return;
    const li = index.lineAt(start);
    if (flaggedLines.has(li)) return;
    flaggedLines.add(li);
    const t = (lines[li] as (typeof lines)[number]).text;
    const lead = t.length - t.trimStart().length;
    out.push(
      index.finding(
        'residue',
        'residue/line',
        'error',
        (lines[li] as (typeof lines)[number]).start + lead,
        t.trim().length,
        `${p.message}，应删除整行`,
        '',
      ),
    );
  });
  for (const p of facts.residueInline) {
    for (const m of ctx.text.matchAll(p.pattern)) {
      if (flaggedLines.has(index.lineAt(m.index))) continue;
      out.push(
        index.finding(
          'residue',
          'residue/instruction',
          'error',
          m.index,
          m[0].length,
          `${p.message}，应删除`,
          '',
        ),
      );
    }
  }
  for (const m of ctx.text.matchAll(URL)) {
    const url = m[0].toLowerCase();
    const host = url.replace(/^https?:\/\//, '').split(/[/?#:]/)[0] ?? '';
    if (!facts.templateDomains.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    // The whole-line rule may already cover this line.
    const li = index.lineAt(m.index);
    if (flaggedLines.has(li)) continue;
    out.push(
      index.finding(
        'residue',
        'residue/template-url',
        'error',
        m.index,
        m[0].length,
        `范文网站链接“${host}”，说明文档来自下载的模板，应删除`,
        '',
      ),
    );
  }
  return out;
}
