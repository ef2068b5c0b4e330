#!/usr/bin/env node
// The installed `gongkai` command: runs the compiled CLI (dist/, built at install), or the
// sources through tsx when no current build exists (bin/runtime.mjs).
import { entry } from './runtime.mjs';

const { runCli } = await import(await entry('src/cli.ts'));
await runCli(process.argv.slice(2));
