import { Command, CommanderError } from 'commander';
import type { Command as CommandType } from 'commander';
import { CliError } from './cli-error';

type Register = (program: CommandType) => void;

// Each command's module is loaded only when that command runs (help loads them all), so a
// quick command such as `check` does not pay for loading the whole server.
const commandModules: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./commands/serve')).registerServeCommand,
  migrate: async () => (await import('./commands/migrate')).registerMigrateCommand,
  demo: async () => (await import('./commands/demo')).registerDemoCommand,
  user: async () => (await import('./commands/user')).registerUserCommand,
  check: async () => (await import('./commands/check')).registerCheckCommand,
  report: async () => (await import('./commands/report')).registerReportCommand,
  import: async () => (await import('./commands/import')).registerImportCommand,
  export: async () => (await import('./commands/export')).registerExportCommand,
};

/** Builds the `taizhang` command tree for the given arguments. */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
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
  const requested = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const names =
    requested && requested in commandModules ? [requested] : Object.keys(commandModules);
  for (const name of names) {
    const load = commandModules[name];
    if (load) (await load())(program);
  }
  return program;
}

/** Runs the CLI; exit code 2 for bad usage or unreadable input, as the contract says. */
export async function runCli(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
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
