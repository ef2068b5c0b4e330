#!/usr/bin/env node
// `npm start`: the web server from the compiled dist/ (or the sources, see bin/runtime.mjs).
import { entry } from './runtime.mjs';

const { runServer } = await import(await entry('src/main.ts'));
await runServer(process.argv.slice(2));
