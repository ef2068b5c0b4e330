import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffKind, zipEntryNames, type FileKind } from './kinds.ts';
import { checkUpload, checkUploads, safeFilename, formatBytes, type UploadedFile } from './check.ts';
import { APPLICATION_KINDS, PUBLICATION_KINDS } from './kinds.ts';
import {
  CHINESE_PDF,
  EXE,
  ELF,
  GIF,
  HTML,
  JPEG,
  PNG,
  SVG,
  makeDocx,
  makeOfd,
  makeOle,
  makeXlsx,
  makeZip,
} from '../../../test/support/files.ts';

test('sniffing: each kind is recognised by its content', async () => {
  const gb18030 = Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]); // 政府信息公开
  const table: [string, Buffer, FileKind | null][] = [
    ['pdf', CHINESE_PDF, 'pdf'],
    ['docx', await makeDocx(['政府信息公开']), 'docx'],
    ['xlsx', await makeXlsx([['a', 1]]), 'xlsx'],
    ['doc (OLE with WordDocument)', makeOle('WordDocument'), 'doc'],
    ['xls (OLE with Workbook)', makeOle('Workbook'), 'xls'],
    ['xls with an embedded Word object after its own stream', makeOle('Workbook', 'WordDocument'), 'xls'],
    ['OLE whose streams only look like object properties', makeOle('constructor', 'toString'), null],
    ['png', PNG, 'png'],
    ['jpeg', JPEG, 'jpeg'],
    ['gif', GIF, 'gif'],
    ['ofd', await makeOfd(['岳阳市']), 'ofd'],
    ['plain zip', await makeZip({ 'a.txt': 'x' }), 'zip'],
    [
      'zip with [Content_Types].xml but no word/ or xl/',
      await makeZip({ '[Content_Types].xml': '<Types/>', 'ppt/x.xml': '' }),
      'zip',
    ],
    ['utf-8 text', Buffer.from('政府信息公开年度报告\r\n第二行\t制表'), 'txt'],
    ['utf-8 text with BOM', Buffer.from('\uFEFF政府信息公开'), 'txt'],
    ['gb18030 text', gb18030, 'txt'],
    ['windows executable', EXE, null],
    ['elf executable', ELF, null],
    ['html', HTML, null],
    ['svg', SVG, null],
    ['text with NUL', Buffer.from('abc\u0000def'), null],
    ['text with escape codes', Buffer.from('abc\u001b[31mred'), null],
    [
      'OLE without a known stream',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]),
      null,
    ],
    ['PDF header after junk', Buffer.concat([Buffer.from('<html>'), CHINESE_PDF]), null],
    ['empty', Buffer.alloc(0), null],
    ['truncated zip (no directory)', (await makeZip({ 'a.txt': 'x' })).subarray(0, 30), null],
  ];
  for (const [name, bytes, expected] of table) assert.equal(sniffKind(bytes), expected, name);
});

test('zip directory: entry names read without decompressing', async () => {
  assert.deepEqual(zipEntryNames(await makeZip({ 'OFD.xml': '', 'Doc_0/Document.xml': '' })), [
    'OFD.xml',
    'Doc_0/',
    'Doc_0/Document.xml',
  ]);
  assert.equal(zipEntryNames(Buffer.from('PK\x03\x04 nothing else')), undefined);
});

test('checkUpload: disguised, unsupported and disallowed files get a bilingual issue', async () => {
  const docx = await makeDocx(['x']);
  const ok = checkUpload({ field: 'attachment', filename: '报告.PDF', bytes: CHINESE_PDF }, APPLICATION_KINDS);
  assert.deepEqual(ok, { ok: true, kind: 'pdf', mime: 'application/pdf' });
  assert.equal(checkUpload({ field: 'f', filename: 'photo.jpeg', bytes: JPEG }, APPLICATION_KINDS).ok, true);

  const disguised = [
    { filename: 'x.pdf', bytes: EXE },
    { filename: 'x.pdf', bytes: HTML },
    { filename: 'x.pdf', bytes: docx },
    { filename: 'scan.jpg', bytes: PNG },
    { filename: 'x.docx', bytes: await makeZip({ 'evil.js': 'x' }) },
  ];
  for (const file of disguised) {
    const result = checkUpload({ field: 'attachment', ...file }, PUBLICATION_KINDS);
    assert.equal(result.ok, false, file.filename);
    if (!result.ok) {
      assert.equal(result.issue.field, 'attachment');
      assert.match(result.issue.message.zh, /文件内容与扩展名不符/);
      assert.match(result.issue.message.en, /the content does not match the file name/);
    }
  }
  const unsupported = checkUpload({ field: 'f', filename: 'setup.exe', bytes: EXE }, PUBLICATION_KINDS);
  assert.equal(unsupported.ok, false);
  if (!unsupported.ok) assert.match(unsupported.issue.message.en, /not a type of file we accept/);

  const notAllowed = checkUpload(
    { field: 'f', filename: 'table.xlsx', bytes: await makeXlsx([['a']]) },
    APPLICATION_KINDS,
  );
  assert.equal(notAllowed.ok, false);
  if (!notAllowed.ok) {
    assert.match(notAllowed.issue.message.zh, /只接受.*PDF, PNG, JPEG, DOCX/);
    assert.match(notAllowed.issue.message.en, /only these types/);
  }
  const empty = checkUpload({ field: 'f', filename: 'a.pdf', bytes: Buffer.alloc(0) }, APPLICATION_KINDS);
  assert.equal(empty.ok, false);
});

test('file names: base name only, no control or bidi characters, bounded', () => {
  assert.equal(safeFilename('C:\\Users\\张三\\身份证.jpg'), '身份证.jpg');
  assert.equal(safeFilename('../../etc/passwd'), 'passwd');
  assert.equal(safeFilename('a\u202Egpj.exe'), 'agpj.exe');
  assert.equal(safeFilename('..'), 'file');
  const long = safeFilename('长'.repeat(300) + '.pdf');
  assert.equal(long.length, 200);
  assert.ok(long.endsWith('.pdf'));
  assert.equal(formatBytes(20 * 1024 * 1024), '20 MiB');
  assert.equal(formatBytes(1536), '1.5 KiB');
});

test('checkUploads: per input, required, at most N, accepted files carry their kind', async () => {
  const file = (field: string, filename: string, bytes: Buffer): UploadedFile => ({
    field,
    filename,
    bytes,
    size: bytes.length,
    declaredMime: 'application/octet-stream',
  });
  const files = [
    file('id_copy', '身份证.png', PNG),
    file('attachment', 'a.pdf', CHINESE_PDF),
    file('attachment', 'b.pdf', EXE),
  ];
  const result = checkUploads(files, APPLICATION_KINDS, { field: 'attachment' });
  assert.deepEqual(
    result.accepted.map((f) => [f.filename, f.kind, f.mime]),
    [['a.pdf', 'pdf', 'application/pdf']],
  );
  assert.deepEqual(
    result.issues.map((i) => i.field),
    ['attachment'],
  );
  assert.equal(checkUploads(files, APPLICATION_KINDS).accepted.length, 2);
  assert.match(
    checkUploads([], APPLICATION_KINDS, { field: 'id_copy', required: true }).issues[0]!.message.en,
    /Choose a file/,
  );
  const tooMany = checkUploads(files, APPLICATION_KINDS, { field: 'attachment', maxFiles: 1 });
  assert.deepEqual([tooMany.accepted.length, tooMany.issues[0]!.message.zh], [0, '一次最多上传 1 个文件']);
});
