import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { issue } from '../errors.ts';
import { FileField, acceptAttribute } from './file-field.tsx';
import { APPLICATION_KINDS } from './kinds.ts';
import { testViewContext } from '../views/context.test-support.ts';

const ctx = testViewContext;

test('FileField: label, generated hint, accept list and the linked error', () => {
  const html = render(
    <FileField
      ctx={ctx('zh-CN')}
      name="attachment"
      label="附件"
      kinds={APPLICATION_KINDS}
      maxBytes={20 * 1024 * 1024}
      issues={[issue('attachment', 'file.mismatch', { name: 'x.pdf' })]}
      multiple
      required
    />,
  );
  assert.match(html, /<label class="field__label" for="field-attachment">附件/);
  assert.match(html, /可上传 PDF, PNG, JPEG, DOCX 文件，每个不超过 20 MiB/);
  assert.match(html, /“x.pdf”：文件内容与扩展名不符/);
  assert.match(html, /type="file"/);
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /aria-describedby="field-attachment-hint field-attachment-error"/);
  assert.match(html, /multiple/);
  assert.equal(acceptAttribute(['pdf', 'jpeg']), '.pdf,application/pdf,.jpg,.jpeg,.jpe,image/jpeg');
  assert.match(
    render(<FileField ctx={ctx('en')} name="f" label="File" kinds={['pdf']} maxBytes={1024} />),
    /PDF files, up to 1 KiB each/,
  );
});
