import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { renderText } from '@taizhang/composer';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../modules/access/data-scope';
import { ALL_PERMISSIONS } from '../../modules/access/permissions';
import { exportReport } from '../../modules/reports/report-export';
import { createServices } from '../../services';
import { systemClock } from '../../shared/clock';
import { CliError } from '../cli-error';
import { openMigratedDatabase } from '../open-database';

interface ReportCommandOptions {
  unit: string;
  period?: string;
  from?: string;
  to?: string;
  type: 'summary' | 'selfcheck' | 'topical';
  out: string;
  date?: string;
  topic?: string;
}

const FORMATS = {
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.json': 'json',
} as const;

/** The command line acts as an administrator of the whole tree, recorded as `cli` in the log. */
const cliActor: Actor = {
  userId: 0,
  username: 'cli',
  displayName: '命令行',
  unitId: 0,
  unitPath: '/',
  dataScope: 'all',
  permissions: new Set([ALL_PERMISSIONS]),
  ip: '127.0.0.1',
};

/** Registers `taizhang report --unit … --period … --type … --out FILE.docx|.html|.md|.json`. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('根据台账生成报告：工作总结（半年/年度，按期间）、自查报告或专题报告')
    .requiredOption('--unit <NAME_OR_ID>', '单位名称或编号（统计该单位及其下级）')
    .option('--period <PERIOD>', '期间：2024H1、2024H2 或 2024')
    .option('--from <YYYY-MM-DD>', '自定义期间的开始日期（与 --to 一起使用）')
    .option('--to <YYYY-MM-DD>', '自定义期间的结束日期')
    .addOption(
      new Option('--type <type>', '报告类型')
        .choices(['summary', 'selfcheck', 'topical'])
        .default('summary'),
    )
    .requiredOption('--out <FILE>', '输出文件：.docx、.html、.md 或 .json')
    .option('--date <YYYY-MM-DD>', '成文日期（默认今天）')
    .option('--topic <AREA>', '专题报告的框架领域，如 宣传教育')
    .action(async (options: ReportCommandOptions) => {
      await runReport(options);
    });
}

export async function runReport(options: ReportCommandOptions): Promise<void> {
  const format = FORMATS[extname(options.out).toLowerCase() as keyof typeof FORMATS];
  if (!format)
    throw new CliError(`--out 的扩展名须为 .docx、.html、.md 或 .json，收到“${options.out}”`);
  if (!options.period && !(options.from && options.to))
    throw new CliError('请用 --period（如 2024H1、2024）或 --from/--to 指定报告期间');
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
    throw new CliError(`--date 应为 YYYY-MM-DD 格式，收到“${options.date}”`);
  const { db, config } = await openMigratedDatabase();
  try {
    const services = createServices(db, config, systemClock);
    const unit = /^\d+$/.test(options.unit)
      ? await services.repositories.units.findLive(Number(options.unit))
      : await services.repositories.units.findLiveByName(options.unit.trim());
    if (!unit) throw new CliError(`找不到单位“${options.unit}”`);
    const { content } = await services.reports.reports.compose(cliActor, {
      unitId: unit.id,
      kind: options.type,
      period: options.period,
      from: options.from,
      to: options.to,
      documentDate: options.date,
      topicArea: options.topic,
    });
    const file = await exportReport(content, format);
    await writeFile(options.out, file.bytes);
    const lines = renderText(content).split('\n').length;
    console.log(`已生成「${content.title}」（${lines} 行），写入 ${options.out}`);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}
