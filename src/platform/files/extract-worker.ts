// The extraction process's body: takes one file at a time from the server and answers with its
// text. It is a child process with its own heap limit (extract.ts starts it), so a file that
// makes a parser allocate without end ends this process, never the server.
import { extractInThisThread, type ExtractOptions } from './extract-core.ts';
import type { FileKind } from './kinds.ts';

export interface ExtractJob {
  readonly bytes: Uint8Array;
  readonly kind: FileKind | null;
  readonly options: ExtractOptions;
}

process.on('message', async (job: ExtractJob) => {
  const result = await extractInThisThread(job.bytes, job.kind, job.options);
  process.send!(result);
});
// The server going away (crash, kill -9) closes the channel: nothing left to work for.
process.on('disconnect', () => process.exit(0));
