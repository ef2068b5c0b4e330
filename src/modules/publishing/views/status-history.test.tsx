import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { StatusHistory } from './status-history.tsx';
import { presentStatusHistory, type StatusHistoryRow } from '../status-history.presenter.ts';
import { testViewContext } from '../../../platform/views/context.test-support.ts';

const ctx = testViewContext;

const rows: StatusHistoryRow[] = [
  {
    created_at: '2026-03-01T01:30:00.000Z',
    actor_name: '刘洋',
    event: 'create',
    from_status: null,
    to_status: 'draft',
    reason: null,
  },
  {
    created_at: '2026-03-02T16:05:00.000Z',
    actor_name: null,
    event: 'return',
    from_status: 'submitted',
    to_status: 'returned',
    reason: '<script>alert("x")</script> & 附件缺失',
  },
];

test('StatusHistory: columns, China time, who, from → to, and the reason escaped as text', () => {
  const html = render(<StatusHistory ctx={ctx('zh-CN')} title="办理记录" rows={presentStatusHistory(rows)} />);
  assert.match(html, /<section aria-labelledby="history-title"><h2 id="history-title">办理记录<\/h2>/);
  assert.match(html, /<caption class="visually-hidden">办理记录<\/caption>/);
  assert.match(html, /aria-label="表格（窄屏可左右滚动）"/, 'the generic region label by default');
  const heads = [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1]);
  assert.deepEqual(heads, ['时间', '办理人', '操作', '状态变化', '理由']);
  assert.match(
    html,
    /<tr data-status="draft"><td>2026-03-01 09:30<\/td><td>刘洋<\/td><td>创建草稿<\/td><td>草稿<\/td><td>—<\/td><\/tr>/,
  );
  assert.match(
    html,
    /<tr data-status="returned"><td>2026-03-03 00:05<\/td><td>—<\/td><td>退回<\/td><td>已提交 → 已退回<\/td>/,
  );
  assert.doesNotMatch(html, /<script>/, 'the reason is never markup');
  assert.match(html, /<td>&lt;script>alert\(&quot;x&quot;\)&lt;\/script> &amp; 附件缺失<\/td>/);
});

test('StatusHistory: an empty history keeps the header and an empty body; English labels; a given region label', () => {
  const html = render(<StatusHistory ctx={ctx('en')} title="History" rows={[]} regionLabel="History" />);
  assert.match(html, /aria-label="History"/);
  const heads = [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1]);
  assert.deepEqual(heads, ['When', 'Who', 'Action', 'State', 'Reason']);
  assert.match(html, /<tbody><\/tbody>/);
  assert.doesNotMatch(html, /<td>/);
});
