import type { Command } from 'commander';
import { openMigratedDatabase } from '../open-database';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移（启动服务时也会自动执行）')
    .action(async () => {
      const { db, applied } = await openMigratedDatabase();
      console.log(
        applied.length > 0
          ? `已执行迁移：${applied.join('、')}（${db.describe}）`
          : `数据库已是最新（${db.describe}）`,
      );
      await db.close();
    });
}
