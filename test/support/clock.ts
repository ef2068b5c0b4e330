// Test clocks. No test may depend on the real date: a suite that records or compares dates fixes
// its own "now" with useClock, which starts at a chosen instant and then runs at real speed (so
// sessions, idle timeouts and rate windows behave as in production). performance.now() drives it,
// so the clock-shift run of CI (test/support/shift-clock.mjs moves Date) cannot reach it.
import { after, before } from 'node:test';
import { performance } from 'node:perf_hooks';
import { now, setClock } from '../../src/platform/clock.ts';

/** A clock reading `instant` now and advancing with real elapsed time. */
export function runningClockFrom(instant: string | Date): () => Date {
  const start = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(start)) throw new Error(`not an instant: ${String(instant)}`);
  const startedAt = performance.now();
  return () => new Date(start + (performance.now() - startedAt));
}

/** In the enclosing describe: the clock starts at `instant` before its tests and is restored after. */
export function useClock(instant: string): void {
  before(() => setClock(runningClockFrom(instant)));
  after(() => setClock(undefined));
}

/**
 * Moves the current clock (fixed or real) forward by ms; the returned function moves it back to
 * where it would have been. For "wait N seconds" without waiting.
 */
export function advanceClock(ms: number): () => void {
  const from = runningClockFrom(new Date(now().getTime() + ms));
  const back = runningClockFrom(now());
  setClock(from);
  return () => setClock(back);
}
