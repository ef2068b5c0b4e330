// `gongkai pii scan FILE|-`: the personal-data guard for files, so that staff can check an
// attachment before uploading it and scripts can gate on the exit code (0 clean, 1 found, 2 could
// not read). Only masked values are printed: the report of a leak must not be a second leak.
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { scanText, type CreditCodePolicy } from './scanner.ts';

/** Where the command reads and writes; tests pass their own, the CLI uses the process's. */
export interface PiiIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** Sets the exit status without exiting, so that output is flushed and the command is testable. */
  readonly setExitCode: (code: number) => void;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: PiiIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

export const EXIT_CLEAN = 0;
export const EXIT_FOUND = 1;
export const EXIT_UNREADABLE = 2;

interface ScanCommandOptions {
  readonly json?: boolean;
  readonly creditCodes: CreditCodePolicy;
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const messages: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'is a directory',
    };
    return messages[error.code] ?? error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

export function registerPiiCommands(program: Command, io: PiiIo = processIo): void {
  const pii = program.command('pii').description('personal-data guard (个人信息检查)');
  pii
    .command('scan')
    .description('scan a UTF-8 text file, or standard input given "-", for identity, phone and card numbers')
    .argument('<file>', 'text file to scan, or - for standard input')
    .option('--json', 'print {"findings": [{kind, start, end, line, masked}]}')
    .addOption(
      new Option('--credit-codes <policy>', 'which unified social credit codes to report')
        .choices(['personal-context', 'always', 'never'])
        .default('personal-context'),
    )
    .action(async (file: string, options: ScanCommandOptions) => {
      let text: string;
      try {
        text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
      } catch (error) {
        io.stderr(`pii scan: cannot read ${file}: ${reason(error)}\n`);
        io.setExitCode(EXIT_UNREADABLE);
        return;
      }
      const findings = scanText(text, { creditCodes: options.creditCodes });
      if (options.json) {
        const out = findings.map(({ kind, start, end, line, masked }) => ({ kind, start, end, line, masked }));
        io.stdout(`${JSON.stringify({ findings: out })}\n`);
      } else if (findings.length === 0) {
        io.stdout('no personal data found\n');
      } else {
        io.stdout(findings.map((f) => `line ${f.line}: ${f.kind} ${f.masked}\n`).join(''));
      }
      io.setExitCode(findings.length > 0 ? EXIT_FOUND : EXIT_CLEAN);
    });
}
