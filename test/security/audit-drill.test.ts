// Suite 11 (issue 14): the audit tampering drill on both engines — edit, delete, reorder, insert,
// rebuild, truncate and empty, each detected by `gongkai audit verify`'s full check and, except
// an edit among events already verified, by the audit page's incremental check too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDialect } from '../support/database.ts';
import { runAuditDrill, TAMPERINGS } from '../../src/platform/audit/drill.ts';

forEachDialect('audit tampering drill', (t) => {
  let keyDir = '';
  before(() => {
    keyDir = join(mkdtempSync(join(tmpdir(), 'gongkai-drill-')), 'keys');
  });
  after(() => rmSync(join(keyDir, '..'), { recursive: true, force: true }));

  test('every tampering is detected', async () => {
    const results = await runAuditDrill(t.handle, keyDir);
    assert.deepEqual(
      results.map((r) => r.tampering),
      [...TAMPERINGS],
    );
    for (const r of results) assert.equal(r.detected, true, `${r.tampering} was not detected by audit verify`);
    const kinds = Object.fromEntries(results.map((r) => [r.tampering, r.kind]));
    assert.deepEqual(kinds, {
      edit: 'edited',
      delete: 'deleted',
      reorder: 'reordered',
      insert: 'edited',
      rebuild: 'rebuilt',
      truncate: 'truncated',
      empty: 'emptied',
    });
    for (const r of results.filter((x) => x.tampering !== 'edit'))
      assert.equal(r.detectedIncrementally, true, `${r.tampering} was not detected by the incremental check`);
  });

  test('the key directory and its files are the owner’s only', () => {
    assert.equal(statSync(keyDir).mode & 0o777, 0o700);
    for (const f of readdirSync(keyDir)) assert.equal(statSync(join(keyDir, f)).mode & 0o777, 0o600, f);
  });
});
