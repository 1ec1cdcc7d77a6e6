import { readFile } from 'node:fs/promises';
import { Option } from 'commander';
import type { Command } from 'commander';
import { check, compileTerms, DOCUMENT_KINDS, parseTermsTsv } from '@taizhang/proofreader';
import type { CheckResult, CompiledTerms, DocumentKind, Finding } from '@taizhang/proofreader';
import { DocumentReadError, readDocumentFile } from '../../modules/proofread/document-reader';
import { CliError } from '../cli-error';

interface CheckCommandOptions {
  date?: string;
  kind?: DocumentKind;
  format: 'text' | 'json';
  terms?: string;
}

export interface CheckedFile {
  file: string;
  date: string | null;
  dateSource: CheckResult['dateSource'];
  dateReason: string;
  kind: DocumentKind;
  findings: Finding[];
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** Registers `taizhang check FILE… [--date] [--kind] [--format] [--terms]` (proofreader). */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      '校对公文：检查占位符、模板残留、重复、标点、序号、时间表述、过时提法、错别字、术语、结构和格式',
    )
    .argument('<files...>', '要检查的文件（.docx/.txt/.md）')
    .option('--date <YYYY-MM-DD>', '文档日期；不指定时从落款日期或标题推断')
    .addOption(new Option('--kind <kind>', '文档类型').choices([...DOCUMENT_KINDS]))
    .addOption(
      new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'),
    )
    .option('--terms <file>', '本单位词表（TSV：词语、类别、级别、建议、备注）')
    .action(async (files: string[], options: CheckCommandOptions) => {
      process.exitCode = await runCheck(files, options);
    });
}

/** Checks each file and prints the report; returns the exit code (0 clean, 1 errors, 2 bad input). */
export async function runCheck(files: string[], options: CheckCommandOptions): Promise<number> {
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new CliError(`--date 应为 YYYY-MM-DD 格式，收到“${options.date}”`);
  }
  const terms = options.terms ? await loadTerms(options.terms) : undefined;
  const today = new Date().toISOString().slice(0, 10);
  const results: CheckedFile[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = (await readDocumentFile(file)).text;
    } catch (error) {
      if (!(error instanceof DocumentReadError)) throw error;
      process.stderr.write(`错误：${file}：${error.message}\n`);
      unreadable = true;
      continue;
    }
    let result: CheckResult;
    try {
      result = check(text, {
        ...(options.date ? { date: options.date } : {}),
        ...(options.kind ? { kind: options.kind } : {}),
        ...(terms ? { terms } : {}),
        fallbackDate: today,
      });
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(error.message);
      throw error;
    }
    results.push({
      file,
      date: result.date,
      dateSource: result.dateSource,
      dateReason: result.dateReason,
      kind: result.kind,
      findings: result.findings,
    });
  }
  if (options.format === 'json')
    process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
  else for (const r of results) process.stdout.write(formatText(r));
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

async function loadTerms(path: string): Promise<CompiledTerms> {
  let tsv: string;
  try {
    tsv = await readFile(path, 'utf8');
  } catch {
    throw new CliError(`无法读取词表文件“${path}”`);
  }
  const { entries, errors } = parseTermsTsv(tsv);
  if (errors.length > 0) {
    const shown = errors
      .slice(0, 5)
      .map((e) => `第${e.line}行：${e.message}`)
      .join('；');
    throw new CliError(`词表“${path}”有 ${errors.length} 处错误：${shown}`);
  }
  return compileTerms(entries);
}

function formatText(r: CheckedFile): string {
  const lines = [`${r.file}（文档日期：${r.date ?? '未知'}，${r.dateReason}）`];
  for (const f of r.findings) {
    const fix =
      f.suggestion !== undefined ? `  → ${f.suggestion === '' ? '删除' : `“${f.suggestion}”`}` : '';
    const excerpt =
      f.excerpt === ''
        ? ''
        : `“${f.excerpt.length > 30 ? `${f.excerpt.slice(0, 30)}…` : f.excerpt}” `;
    lines.push(
      `  ${f.line}:${f.column}  ${SEVERITY_LABEL[f.severity]}  [${f.category}] ${excerpt}${f.message}${fix}`,
    );
  }
  const count = (s: Finding['severity']): number =>
    r.findings.filter((f) => f.severity === s).length;
  lines.push(
    r.findings.length === 0
      ? '  未发现问题。'
      : `  共 ${r.findings.length} 处：错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}`,
  );
  return `${lines.join('\n')}\n\n`;
}
