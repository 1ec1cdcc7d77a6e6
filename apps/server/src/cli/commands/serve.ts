import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../demo/demo-organization';
import { seedDemo } from '../../demo/seed-demo';
import { seedDemoRecords } from '../../demo/demo-records';
import { buildApp } from '../../http/app';
import { systemClock } from '../../shared/clock';
import { UsersRepository } from '../../modules/users/users.repository';
import { CliError } from '../cli-error';
import { openMigratedDatabase } from '../open-database';

interface ServeOptions {
  port?: string;
  host?: string;
  demo: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动服务（自动执行迁移；空数据库首次启动时创建演示组织）')
    .option('-p, --port <port>', '端口（默认 PORT 或 3000）')
    .option('--host <host>', '监听地址（默认 HOST 或 127.0.0.1）')
    .option('--no-demo', '空数据库时不创建演示组织')
    .action(async (options: ServeOptions) => {
      const port = options.port === undefined ? undefined : Number.parseInt(options.port, 10);
      if (port !== undefined && !(port >= 0 && port < 65536))
        throw new CliError(`端口无效：${options.port}`);
      const { db, config } = await openMigratedDatabase({
        ...(port !== undefined ? { port } : {}),
        ...(options.host ? { host: options.host } : {}),
      });
      const empty = !(await db.kysely.selectFrom('units').select('id').limit(1).executeTakeFirst());
      if (empty && options.demo) {
        await seedDemo(db, systemClock);
        await seedDemoRecords(db, systemClock);
      }
      const app = await buildApp({ db, config });
      const shutdown = async () => {
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      const address = await app.listen({ port: config.port, host: config.host });
      const url = address.replace('127.0.0.1', 'localhost');
      const admin = await new UsersRepository(db.kysely).findLiveByUsername(DEMO_ADMIN);
      console.log('');
      console.log(`台账已启动：${url}`);
      console.log(`数据库：${db.describe}`);
      if (!fs.existsSync(path.join(config.webDistDir, 'index.html')))
        console.log('提示：未找到前端构建产物，请先运行 npm run build:web');
      if (admin?.must_change_password === 1)
        console.log(`登录：用户名 ${DEMO_ADMIN}，初始密码 ${DEMO_PASSWORD}（首次登录须修改密码）`);
      console.log(`接口文档：${url}/api/docs`);
    });
}
