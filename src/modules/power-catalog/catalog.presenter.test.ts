// The power catalog's presenters: list entries carry the carrying item's state; table 二's figures
// show fee income in 万元, a decision count (0 for a row without one) and null where not entered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentFigureLines, presentGuide, presentPower } from './catalog.presenter.ts';
import type { PowerItemListRow, ServiceGuideListRow } from './power-catalog.store.ts';
import type { YearlyFigureRow } from './power-catalog.table.ts';

test('a power and a guide as their lists show them', () => {
  const common = { id: 3, agency_id: 1, item_id: 40, responsible_unit_id: 2, created_at: '', updated_at: '' };
  const power = { ...common, code: 'XK-001', name: '职业介绍许可', power_type: 'licensing', legal_basis: '…' };
  const shown = { status: 'published', unit_name: '就业促进科', publication_date: '2026-01-05' };
  assert.deepEqual(presentPower({ ...power, ...shown } as PowerItemListRow), {
    id: 3,
    itemId: 40,
    name: '职业介绍许可',
    unitName: '就业促进科',
    status: 'published',
    publicationDate: '2026-01-05',
    code: 'XK-001',
    powerType: 'licensing',
  });
  const guide = { ...common, name: '失业登记', time_limit: '即时办结', ...shown, publication_date: null };
  const g = presentGuide(guide as unknown as ServiceGuideListRow);
  assert.equal(g.timeLimit, '即时办结');
  assert.equal(g.publicationDate, null);
});

test('figures: 万元 from fen, decisions, and null for a kind not entered', () => {
  const row = (agency_id: number, kind: string, decisions: number | null, amount_fen: number | null) =>
    ({ agency_id, kind, decisions, amount_fen, year: 2025 }) as YearlyFigureRow;
  const lines = presentFigureLines(
    [
      { id: 1, name: '市人社局' },
      { id: 2, name: '市财政局' },
    ],
    [
      row(1, 'licence', 12, null),
      row(1, 'fee', null, 1_250_000),
      row(1, 'penalty', null, null),
      row(2, 'coercion', 3, null),
    ],
  );
  assert.deepEqual(lines, [
    { agencyName: '市人社局', values: { licence: '12', penalty: '0', coercion: null, fee: '1.25' } },
    { agencyName: '市财政局', values: { licence: null, penalty: null, coercion: '3', fee: null } },
  ]);
});
