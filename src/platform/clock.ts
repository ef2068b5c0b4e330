// One source of "now" so that idle timeouts, lockouts and deadlines can be tested at chosen
// instants without sleeping.
let override: (() => Date) | undefined;

export function now(): Date {
  return override ? override() : new Date();
}

export function nowIso(): string {
  return now().toISOString();
}

/** Tests only: fix or move the clock; call with undefined to restore real time. */
export function setClock(fn: (() => Date) | undefined): void {
  override = fn;
}

/**
 * Runs `work` with the clock reading `instant` throughout (it does not advance), then puts back
 * whatever clock was in force. For replaying dated history through the services, so that every
 * step, status row and audit event carries the day it happened: the demo's cases of 2013 and 2025,
 * loaded before the server takes requests. The clock is the process's, so nothing else may run
 * meanwhile: never call it while serving.
 */
export async function replayingAt<T>(instant: string, work: () => Promise<T>): Promise<T> {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`not an instant: ${instant}`);
  const previous = override;
  override = () => at;
  try {
    return await work();
  } finally {
    override = previous;
  }
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function todayInChina(at: Date = now()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** An instant shown to people, in China time: 2026-11-28 21:51. */
export function formatChinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
