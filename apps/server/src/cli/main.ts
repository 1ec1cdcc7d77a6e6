import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from './commands/check';
import { registerDemoCommand } from './commands/demo';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerMigrateCommand } from './commands/migrate';
import { registerReportCommand } from './commands/report';
import { registerServeCommand } from './commands/serve';
import { registerUserCommand } from './commands/user';
import { CliError } from './cli-error';

/** Builds the `taizhang` command tree. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('taizhang')
    .description(
      '台账 — 意识形态工作责任制台账与报告平台\n所有命令都读取 DATABASE_URL（默认 sqlite:./data/taizhang.db）',
    )
    .version('0.1.0', '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('（用 --help 查看用法）')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerDemoCommand(program);
  registerUserCommand(program);
  registerCheckCommand(program);
  registerReportCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  return program;
}

/** Runs the CLI; exit code 2 for bad usage or unreadable input, as the contract says. */
export async function runCli(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
        error.code,
      );
      process.exitCode = ok ? 0 : 2;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`错误：${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
