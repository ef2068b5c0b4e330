// A one-line progress bar on stderr, drawn only when stderr is a terminal (pipes and CI logs
// get nothing), redrawn at most ten times a second.
export interface Progress {
  update(done: number, note?: string): void;
  finish(): void;
}

const silent: Progress = { update() {}, finish() {} };

export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 0) return silent;
  let last = 0;
  let drawn = false;
  const started = Date.now();
  const draw = (done: number, note = '') => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 40));
    const ratio = Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const seconds = (Date.now() - started) / 1000;
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${seconds.toFixed(0)}s ${note}\x1b[K`,
    );
    drawn = true;
  };
  return {
    update(done, note) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done, note);
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
