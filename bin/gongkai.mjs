#!/usr/bin/env node
// The installed `gongkai` command: runs src/cli.ts through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import(new URL('../src/cli.ts', import.meta.url).href);
await runCli(process.argv.slice(2));
