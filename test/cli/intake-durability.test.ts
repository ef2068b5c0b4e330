// Every acknowledged application survives a kill -9: applicants submit concurrently to a real
// server process on SQLite, the server is killed (SIGKILL, no shutdown) in the middle of the
// stream, and after a restart every tracking code that a receipt page showed is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agencyIdOf, pool, prepareForm, startServer, submit } from '../../bench/intake/intake-client.ts';

const FORMS = 96;
const CONCURRENCY = 32;
const KILL_AFTER = 30;

test('acknowledged applications survive kill -9 of the server', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-intake-'));
  try {
    const first = await startServer(dir, { GONGKAI_DEMO: '0' });
    const acknowledged: string[] = [];
    let failedAfterKill = 0;
    try {
      const agency = await agencyIdOf(first.base, 'main');
      const forms = await pool(
        Array.from({ length: FORMS }, (_, i) => i),
        4,
        (i) => prepareForm(first.base, agency, i + 1),
      );
      let killing: Promise<void> | null = null;
      await pool(forms, CONCURRENCY, async (form) => {
        try {
          const code = await submit(first.base, form);
          if (code) acknowledged.push(code);
          else failedAfterKill++;
        } catch {
          // The connection died with the server: never acknowledged, so nothing is promised.
          failedAfterKill++;
        }
        if (acknowledged.length >= KILL_AFTER && !killing) killing = first.kill9();
      });
      await killing;
    } finally {
      await first.kill9();
    }
    assert.ok(acknowledged.length >= KILL_AFTER, `only ${acknowledged.length} acknowledged before the kill`);
    assert.ok(failedAfterKill > 0, 'the kill came after the last submission: nothing was in flight');

    const second = await startServer(dir, { GONGKAI_DEMO: '0' });
    try {
      const missing: string[] = [];
      await pool(acknowledged, 8, async (code) => {
        const res = await fetch(`${second.base}/apply/track/${code}`);
        await res.text();
        if (res.status !== 200) missing.push(code);
      });
      assert.deepEqual(missing, [], `acknowledged but lost after kill -9: ${missing.join(', ')}`);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
