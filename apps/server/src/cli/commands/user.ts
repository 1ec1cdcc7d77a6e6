import crypto from 'node:crypto';
import type { Command } from 'commander';
import { checkPasswordPolicy, hashPassword } from '../../modules/auth/password';
import { ensureBuiltinRoles } from '../../modules/roles/ensure-builtin-roles';
import { RolesRepository } from '../../modules/roles/roles.repository';
import { UnitsRepository } from '../../modules/units/units.repository';
import { UsersRepository } from '../../modules/users/users.repository';
import { AuditRepository } from '../../modules/audit/audit.repository';
import { CliError } from '../cli-error';
import { openMigratedDatabase } from '../open-database';

interface UserAddOptions {
  name?: string;
  unit: string;
  role: string;
  password?: string;
}

function generatePassword(): string {
  // 16 random characters plus one of each class, so the policy always holds.
  return `${crypto.randomBytes(12).toString('base64url')}Aa1!`;
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('账号管理');
  user
    .command('add')
    .description('新增账号（未给出密码时生成一个强密码；首次登录须修改）')
    .argument('<username>', '用户名（3–32 位字母、数字、_.-）')
    .requiredOption('--unit <nameOrId>', '所属单位的名称或编号')
    .option('--name <displayName>', '姓名（默认同用户名）')
    .option('--role <code>', '角色编码：admin | unit_admin | clerk | leader 或自定义', 'unit_admin')
    .option('--password <password>', '初始密码（也可用环境变量 TAIZHANG_PASSWORD）')
    .action(async (username: string, options: UserAddOptions) => {
      if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username))
        throw new CliError('用户名须为 3–32 位字母、数字或 _.-');
      const password = options.password ?? process.env.TAIZHANG_PASSWORD ?? generatePassword();
      const policy = checkPasswordPolicy(password);
      if (policy) throw new CliError(policy);
      const { db } = await openMigratedDatabase();
      try {
        const now = new Date().toISOString();
        const users = new UsersRepository(db.kysely);
        if (await users.findLiveByUsername(username))
          throw new CliError(`用户名「${username}」已存在`);
        const units = new UnitsRepository(db.kysely);
        const unit = /^\d+$/.test(options.unit)
          ? await units.findLive(Number(options.unit))
          : await units.findLiveByName(options.unit);
        if (!unit) throw new CliError(`找不到单位「${options.unit}」`);
        const passwordHash = await hashPassword(password);
        await db.kysely.transaction().execute(async (trx) => {
          const roleRepo = new RolesRepository(trx);
          await ensureBuiltinRoles(roleRepo, now, trx);
          const role = await roleRepo.findByCode(options.role, trx);
          if (!role) throw new CliError(`找不到角色「${options.role}」`);
          const userRepo = new UsersRepository(trx);
          const id = await userRepo.insert(
            {
              username,
              display_name: options.name ?? username,
              password_hash: passwordHash,
              unit_id: unit.id,
              must_change_password: true,
            },
            now,
            trx,
          );
          await userRepo.setRoles(id, [role.id], trx);
          await new AuditRepository(trx).insertOperation({
            userId: null,
            username: 'cli',
            action: 'create',
            entity: 'user',
            entityId: String(id),
            summary: `命令行新增账号「${username}」`,
            before: null,
            after: { username, unitId: unit.id, role: role.code },
            ip: 'cli',
            createdAt: now,
          });
        });
        console.log(`已新增账号 ${username}（单位：${unit.name}，角色：${options.role}）`);
        if (!options.password && !process.env.TAIZHANG_PASSWORD)
          console.log(`初始密码：${password}（首次登录须修改）`);
      } finally {
        await db.close();
      }
    });
}
