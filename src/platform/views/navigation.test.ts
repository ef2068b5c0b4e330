import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentNavHref } from './navigation.ts';

const entries = [
  { href: '/admin' },
  { href: '/admin/reports' },
  { href: '/admin/reports/check' },
  { href: '/admin/items' },
];

test('the current navigation entry is the longest href the path is at or under', () => {
  const cases: [string, string | undefined][] = [
    ['/admin', '/admin'],
    ['/admin/reports', '/admin/reports'],
    ['/admin/reports/yueyang-hrss/2025', '/admin/reports'],
    ['/admin/reports/check', '/admin/reports/check'],
    ['/admin/reports/checks', '/admin/reports'],
    ['/admin/items/12', '/admin/items'],
    ['/admin/users', undefined],
    ['/admin/reportsx', undefined],
  ];
  for (const [path, expected] of cases) assert.equal(currentNavHref(entries, path), expected, path);
});
