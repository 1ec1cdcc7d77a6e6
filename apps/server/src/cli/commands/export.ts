import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../../errors/app-error';
import { createServices } from '../../services';
import { systemClock } from '../../shared/clock';
import { CliError } from '../cli-error';
import { openMigratedDatabase } from '../open-database';

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('导出 JSON Lines 台账文件（ledger-format.md），可再用 import 导入')
    .option('--unit <nameOrId>', '只导出该单位及其下级（单位全称或编号）')
    .option('--out <file>', '写入文件（默认输出到标准输出）')
    .action(async (options: { unit?: string; out?: string }) => {
      const { db, config } = await openMigratedDatabase();
      try {
        const { ledger } = createServices(db, config, systemClock);
        let root;
        try {
          root = await ledger.exporter.rootOf(null, options.unit);
        } catch (error) {
          if (error instanceof AppError) throw new CliError(error.message, 2);
          throw error;
        }
        const out = options.out
          ? fs.createWriteStream(options.out, { encoding: 'utf8' })
          : process.stdout;
        let count = 0;
        for await (const line of ledger.exporter.lines(null, root)) {
          await writeLine(out, line);
          count += 1;
        }
        if (out !== process.stdout) {
          out.end();
          await once(out, 'finish');
          console.error(`已导出 ${count - 1} 行到 ${options.out}`);
        }
      } finally {
        await db.close();
      }
    });
}
