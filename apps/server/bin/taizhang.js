#!/usr/bin/env node
// Entry point for `npx taizhang`: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv);
