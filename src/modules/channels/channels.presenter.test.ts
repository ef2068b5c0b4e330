// The channels page's counts: the rows added up and the overlap the note explains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channels, type Channel } from './channels.ts';
import { presentChannelCounts } from './channels.presenter.ts';

function counts(byChannel: Partial<Record<Channel, number>>, websiteItems: number, other: number) {
  const all = Object.fromEntries(channels.map((c) => [c, byChannel[c] ?? 0])) as Record<Channel, number>;
  return { year: 2013, byChannel: all, websiteItems, otherPublications: other, total: websiteItems + other };
}

test('items on both websites count on each website row and once in the total: the overlap is the difference', () => {
  const shown = presentChannelCounts(
    counts({ own_website: 275, government_portal: 6, weibo: 126, wechat: 84 }, 275, 210),
  );
  assert.equal(shown.total, 485);
  assert.equal(shown.rowsSum, 491);
  assert.equal(shown.overlap, 6);
});

test('no overlap when each item is on one website', () => {
  const shown = presentChannelCounts(counts({ own_website: 40, government_portal: 10, tv: 3 }, 50, 3));
  assert.equal(shown.overlap, 0);
  assert.equal(shown.rowsSum, shown.total);
});
