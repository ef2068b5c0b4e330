// Every citation of the documentation resolves, and nothing sends a reader outside the repository
// (docs/domain/README.md#citing). The unit cases show each failure on a made-up file first, so a
// clean run of the repository check means something.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { anchorsOf, checkFile, checkRepository, githubSlug, type PageReader } from '../support/doc-citations.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The bad citations below are built from pieces so that this file does not cite them itself.
const D = 'docs/domain/';

const PAGE = [
  '# Fees',
  '## <a id="by-count"></a>By count (按件计收, Art. 4)',
  '<a id="band-reading"></a>Reading of the last line.',
  '## Worked example',
  '## Worked example',
  '```md',
  '## Not a heading',
  '<a id="in-code"></a>',
  '```',
].join('\n');
const pages: PageReader = (path) => (path === 'docs/domain/fees.md' ? PAGE : undefined);
const messages = (file: string, text: string) => checkFile(file, text, pages).map((p) => `${p.line}: ${p.message}`);

describe('documentation citations', () => {
  it('derives heading anchors as GitHub does', () => {
    assert.equal(
      githubSlug('<a id="art-33"></a>Art. 33 — answer deadline, extension and excluded time'),
      'art-33--answer-deadline-extension-and-excluded-time',
    );
    assert.equal(githubSlug('Table 三 — 收到和处理政府信息公开申请情况'), 'table-三--收到和处理政府信息公开申请情况');
    assert.equal(githubSlug('How to add a `*.table.ts` [file](x.md)'), 'how-to-add-a-tablets-file');
  });

  it('offers explicit ids and heading anchors, numbering repeats, ignoring fenced code', () => {
    const anchors = anchorsOf(PAGE);
    for (const a of ['by-count', 'band-reading', 'fees', 'worked-example', 'worked-example-1']) {
      assert.ok(anchors.has(a), a);
    }
    assert.ok(!anchors.has('in-code'));
    assert.ok(!anchors.has('not-a-heading'));
  });

  it('accepts a citation whose page and anchor exist', () => {
    assert.deepEqual(messages('src/fee.ts', '// Art. 4 (docs/domain/fees.md#by-count), docs/domain/fees.md'), []);
    assert.deepEqual(messages('docs/domain/readings.md', 'See [the bands](fees.md#band-reading).'), []);
  });

  it('fails on a missing page or a missing anchor', () => {
    assert.deepEqual(messages('src/fee.ts', `\n// ${D}fee.md#by-count`), [
      `2: cites ${D}fee.md#by-count: ${D}fee.md does not exist`,
    ]);
    assert.deepEqual(messages('src/fee.ts', `// ${D}fees.md#by-pages`), [
      `1: cites ${D}fees.md#by-pages: ${D}fees.md has no anchor #by-pages`,
    ]);
    assert.deepEqual(messages('docs/domain/readings.md', '[x](fees.md#in-code) [y](#nowhere)'), [
      '1: cites fees.md#in-code: docs/domain/fees.md has no anchor #in-code',
      '1: cites #nowhere: docs/domain/readings.md does not exist',
    ]);
  });

  it('fails on a reference to a file outside the repository', () => {
    const outside = ['// rules' + '.md §4', '<!-- see ..' + '/shared/notes -->', '// DES' + 'IGN.md "Search"'];
    for (const text of outside) {
      assert.equal(messages('src/fee.ts', text).length >= 1, true, text);
    }
    assert.deepEqual(messages('src/fee.ts', '// deadline-rules.md is fine as a name'), []);
  });

  it('finds no problem in the repository', () => {
    const problems = checkRepository(root).map((p) => `${p.file}:${p.line}: ${p.message}`);
    assert.deepEqual(problems, []);
  });
});
