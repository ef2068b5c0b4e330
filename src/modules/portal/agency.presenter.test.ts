// The agency directory's tree: agencies under their listed parent, an agency whose parent is not
// listed at the top, each with its count of public items and its contact line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgencyRow } from '../organisation/index.ts';
import { presentAgencyDirectory } from './agency.presenter.ts';

const agency = (id: number, parent: number | null, over: Partial<AgencyRow> = {}) =>
  ({ id, code: `a${id}`, name: `机关${id}`, parent_id: parent, address: null, phone: null, ...over }) as AgencyRow;

test('the directory nests agencies under listed parents and counts their items', () => {
  const tree = presentAgencyDirectory(
    [agency(1, null, { address: '某路1号', phone: '0730-1' }), agency(2, 1, { phone: '0730-2' }), agency(3, 99)],
    new Map([[2, 5]]),
  );
  assert.deepEqual(
    tree.map((a) => [a.code, a.items, a.contact, a.children.map((c) => [c.code, c.items, c.contact])]),
    [
      ['a1', 0, '某路1号 · 0730-1', [['a2', 5, '0730-2']]],
      ['a3', 0, null, []],
    ],
  );
});
