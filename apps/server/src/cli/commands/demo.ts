import type { Command } from 'commander';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_ROOT_UNIT } from '../../demo/demo-organization';
import { seedDemo } from '../../demo/seed-demo';
import { seedDemoRecords } from '../../demo/demo-records';
import { systemClock } from '../../shared/clock';
import { openMigratedDatabase } from '../open-database';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('创建演示组织（单位、人员、责任分工、账号和一年多的台账记录）；已存在时不重复创建')
    .action(async () => {
      const { db } = await openMigratedDatabase();
      try {
        const result = await seedDemo(db, systemClock);
        console.log(
          result.created
            ? `已创建演示组织「${DEMO_ROOT_UNIT}」。`
            : `演示组织「${DEMO_ROOT_UNIT}」已存在，未重复创建。`,
        );
        console.log(`演示台账记录：新增 ${(await seedDemoRecords(db, systemClock)).created} 条。`);
        console.log(`演示管理员：${DEMO_ADMIN}，初始密码：${DEMO_PASSWORD}（首次登录须修改密码）`);
      } finally {
        await db.close();
      }
    });
}
