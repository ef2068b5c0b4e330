import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, extractTextWithReport } from './extract.ts';
import { CHINESE_PDF, JPEG, makeDocx, makeOfd, makeXlsx, makeZip } from '../../../test/support/files.ts';

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

test('DOCX: paragraphs on their own lines, Chinese and escaped characters kept', async () => {
  const docx = await makeDocx(['岳阳市人力资源和社会保障局', '2013年政府信息公开工作年度报告', 'A & B <c>']);
  assert.equal(
    await extractText(docx, 'docx'),
    '岳阳市人力资源和社会保障局\n2013年政府信息公开工作年度报告\nA & B <c>',
  );
});

test('XLSX: one line per row, cells separated by tabs', async () => {
  const xlsx = await makeXlsx([
    ['项目', '数量'],
    ['主动公开政府信息数', 127],
    ['申请人', '张三'],
  ]);
  assert.equal(await extractText(xlsx, 'xlsx'), '项目\t数量\n主动公开政府信息数\t127\n申请人\t张三');
});

test('PDF: Chinese text of a Chromium-printed PDF (ideographs, not radicals)', async () => {
  const result = await extractTextWithReport(CHINESE_PDF, 'pdf');
  assert.deepEqual(result.warnings, []);
  assert.match(result.text, /岳阳市人力资源和社会保障局/);
  assert.match(result.text, /政府信息公开工作年度报告 2013/);
  assert.match(result.text, /Gongkai test PDF/);
});

test('OFD: the text codes of each page', async () => {
  assert.equal(await extractText(await makeOfd(['岳阳市', '公开 & 透明']), 'ofd'), '岳阳市\n公开 & 透明');
});

test('TXT: UTF-8 and GB18030', async () => {
  assert.equal(await extractText(Buffer.from('\uFEFF政府信息公开\n第二行'), 'txt'), '政府信息公开\n第二行');
  const gb = Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);
  assert.equal(await extractText(gb, 'txt'), '政府信息公开');
});

test('bounded and forgiving: long text is cut, corrupt files give "" and a warning', async () => {
  const long = await extractTextWithReport(Buffer.from('公开'.repeat(1000)), 'txt', { maxChars: 100 });
  assert.equal(long.text.length, 100);
  assert.equal(long.truncated, true);
  const longDocx = await extractTextWithReport(
    await makeDocx(Array.from({ length: 50 }, () => '段落'.repeat(10))),
    'docx',
    { maxChars: 50 },
  );
  assert.equal(longDocx.text.length, 50);

  for (const [kind, bytes] of [
    ['pdf', Buffer.concat([CHINESE_PDF.subarray(0, 2000)])],
    ['docx', await makeZip({ 'a.txt': 'no document' })],
    ['xlsx', Buffer.from('PK\x03\x04garbage')],
    ['ofd', Buffer.from('not a zip')],
    ['txt', Buffer.from([0xff, 0xfe, 0x00, 0x81])],
  ] as const) {
    const result = await extractTextWithReport(bytes, kind);
    assert.equal(result.text, '', kind);
    assert.equal(result.warnings.length, 1, kind);
  }
  // A package that declares more than the bound is refused before anything is inflated.
  const bomb = await makeDocx(['x']);
  // Declare 300 MiB for every entry in the central directory, as a zip bomb would.
  for (let at = bomb.indexOf(CENTRAL); at >= 0; at = bomb.indexOf(CENTRAL, at + 4))
    bomb.writeUInt32LE(300 * 1024 * 1024, at + 24);
  const refused = await extractTextWithReport(bomb, 'docx');
  assert.equal(refused.text, '');
  assert.match(refused.warnings[0]!, /declares more than \d+ bytes/);

  const image = await extractTextWithReport(JPEG, 'jpeg');
  assert.equal(image.text, '');
  assert.match(image.warnings[0]!, /no text extraction/);
});
