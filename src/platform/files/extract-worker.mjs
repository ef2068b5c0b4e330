// Entry of the extraction process (see extract.ts). The server may run under `node --import tsx`
// or under bin/gongkai.mjs (tsx registered through its API); either way this process registers
// tsx itself before loading the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
