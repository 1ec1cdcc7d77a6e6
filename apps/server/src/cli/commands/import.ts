import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors/app-error';
import { createServices } from '../../services';
import { systemClock } from '../../shared/clock';
import { ledgerKindLabels, ledgerKinds } from '../../modules/ledger/interchange/ledger-format';
import { CliError } from '../cli-error';
import { openMigratedDatabase } from '../open-database';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入 JSON Lines 台账文件（ledger-format.md）：全部成功或全部不写入')
    .argument('<file>', '台账文件（.jsonl）')
    .action(async (file: string) => {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        throw new CliError(`无法读取文件：${file}`, 2);
      }
      const { db, config } = await openMigratedDatabase();
      try {
        const { ledger } = createServices(db, config, systemClock);
        const result = await ledger.importer.importText(null, text);
        for (const warning of result.warnings) process.stderr.write(`提示：${warning}\n`);
        const counts = ledgerKinds
          .map((k) => `${ledgerKindLabels[k]} ${result.created[k]}`)
          .join('，');
        console.log(`导入完成：${counts}；沿用已有 ${result.reused} 项。`);
      } catch (error) {
        if (error instanceof AppError) {
          for (const detail of error.details ?? []) process.stderr.write(`${detail.message}\n`);
          throw new CliError(error.message, 1);
        }
        throw error;
      } finally {
        await db.close();
      }
    });
}
