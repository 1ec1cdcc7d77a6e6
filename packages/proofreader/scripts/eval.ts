// npm run eval:proofread — precision and recall per category on the annotated corpus.
import { evaluate } from './evaluate-corpus';

const result = evaluate();
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
console.log(`语料：${result.documents} 篇\n`);
console.log(`${'类别'.padEnd(12)}  标注  报告  命中   精确率   召回率`);
let tp = 0;
let rep = 0;
let exp = 0;
for (const s of result.scores) {
  tp += s.truePositives;
  rep += s.reported;
  exp += s.expected;
  console.log(
    `${s.category.padEnd(12)} ${String(s.expected).padStart(5)} ${String(s.reported).padStart(5)} ${String(s.truePositives).padStart(5)} ${pct(s.precision)} ${pct(s.recall)}`,
  );
}
console.log(
  `${'合计'.padEnd(12)} ${String(exp).padStart(5)} ${String(rep).padStart(5)} ${String(tp).padStart(5)} ${pct(rep ? tp / rep : 1)} ${pct(exp ? tp / exp : 1)}`,
);
if (result.trapHits.length > 0) {
  console.log('\n误报了陷阱（不应报告）：');
  for (const h of result.trapHits) {
    console.log(
      `  ${h.doc}:${h.finding.line}:${h.finding.column} [${h.finding.category}] “${h.finding.excerpt}” ← 陷阱“${h.trap.excerpt}”`,
    );
  }
}
if (result.falsePositives.length > 0) {
  console.log('\n未标注的报告（计为误报）：');
  for (const { doc, finding: f } of result.falsePositives) {
    console.log(
      `  ${doc}:${f.line}:${f.column} [${f.category}/${f.rule}] “${f.excerpt}” ${f.message}`,
    );
  }
}
if (result.misses.length > 0) {
  console.log('\n漏报：');
  for (const { doc, expected: e } of result.misses)
    console.log(`  ${doc}:${e.line} [${e.category}] “${e.excerpt}”`);
}
