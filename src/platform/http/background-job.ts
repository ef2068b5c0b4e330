// Periodic jobs of the server (scheduled publishing, the channel outbox, the nightly re-scan): run on
// an interval once the server listens — request tests never listen, so they are not disturbed — and
// stopped when it closes. A failure is logged and retried on the next tick; a tick that comes while
// the previous one still runs is skipped, so a slow run never piles up.
import type { FastifyInstance } from 'fastify';

export interface BackgroundJob {
  /** For the log lines. */
  readonly name: string;
  readonly intervalMs: number;
  /** Also run once as soon as the server listens. */
  readonly runOnListen?: boolean;
  /** Does the work; returns what to log at info level, or nothing when there was nothing to do. */
  readonly run: () => Promise<object | undefined | void>;
}

export function runInBackground(app: FastifyInstance, job: BackgroundJob): void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const logged = await job.run();
      if (logged) app.log.info(logged, job.name);
    } catch (error) {
      app.log.error({ err: error }, `${job.name} failed`);
    } finally {
      running = false;
    }
  };
  app.addHook('onListen', async () => {
    if (timer) return;
    timer = setInterval(() => void tick(), job.intervalMs);
    timer.unref();
    if (job.runOnListen) void tick();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  });
}
