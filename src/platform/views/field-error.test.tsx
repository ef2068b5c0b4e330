import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { FieldError } from './components.tsx';
import { testViewContext } from './context.test-support.ts';

const ctx = testViewContext;

const issues = [{ field: 'reason', message: { zh: '请填写<理由>', en: 'Enter a <reason>' } }];

test('FieldError: the field’s message in the locale, escaped, with the id aria-describedby names', () => {
  assert.equal(
    render(<FieldError ctx={ctx('zh-CN')} issues={issues} name="reason" />),
    '<p class="field__error" id="field-reason-error">请填写&lt;理由></p>',
  );
  assert.equal(
    render(<FieldError ctx={ctx('en')} issues={issues} name="reason" />),
    '<p class="field__error" id="field-reason-error">Enter a &lt;reason></p>',
  );
  assert.equal(
    render(<FieldError ctx={ctx('zh-CN')} issues={issues} name="days" />),
    '',
    'nothing for a field without an issue',
  );
});
