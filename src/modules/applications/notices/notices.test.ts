// The notices as DOCX, parsed back: the reply notice for every outcome carries the decision, the
// articles it rests on and the remedies; the official layout (A4, GB/T 9704 margins, 仿宋 body,
// 小标宋 title, page numbers); and the correction, extension, consultation and fee notices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocx } from '../../../../test/support/docx.ts';
import { OUTCOME_CODES, OUTCOMES } from '../outcome.ts';
import { quoteByPages, incrementalChargeForApplication } from '../fee.ts';
import { chineseDate, officialDocx } from './official-docx.ts';
import {
  consultationLetter,
  correctionNotice,
  delayNotice,
  extensionNotice,
  feeNotice,
  replyNotice,
  type NoticeCase,
} from './notice-texts.ts';
import { basisFor, REGULATION_FULL, remedySentence } from './remedies.ts';
import { replyTemplateKey } from './templates.ts';
import { assertOfficialText } from '../../../platform/official-text/check.ts';

const CASE: NoticeCase = {
  id: 42,
  applicantName: '王小明',
  receivedOn: '2026-03-02',
  description: '2025年失业保险金发放标准的文件',
  agencyName: '岳阳市人力资源和社会保障局',
  remedyBodies: { reconsiderationBody: '岳阳市人民政府', court: '岳阳市岳阳楼区人民法院' },
};

test('chineseDate writes 2026年3月2日', () => {
  assert.equal(chineseDate('2026-03-02'), '2026年3月2日');
  assert.equal(chineseDate('2026-11-29'), '2026年11月29日');
});

for (const code of OUTCOME_CODES) {
  test(`the reply notice for ${code} states the decision, its legal basis and the remedies`, async () => {
    const docx = await readDocx(
      await officialDocx(
        replyNotice(CASE, {
          outcome: code,
          date: '2026-03-20',
          summary: '对第三页的身份证号码作了遮盖处理',
          documentNumber: '岳人社依公开答〔2026〕3号',
        }),
      ),
    );
    const text = docx.text;
    // The number of the agency's scheme, not the internal case id 42.
    assert.match(text, /^政府信息公开申请答复告知书\n岳人社依公开答〔2026〕3号\n王小明：/);
    assert.ok(
      text.includes('本机关于2026年3月2日收到您提出的政府信息公开申请，申请获取“2025年失业保险金发放标准的文件”。'),
    );
    assert.ok(text.includes('具体情况：对第三页的身份证号码作了遮盖处理。'));
    for (const basis of basisFor(code, replyTemplateKey(code).slice('reply.'.length)))
      assert.ok(text.includes(basis.cite.slice(REGULATION_FULL.length)), `${code} cites ${basis.cite}`);
    // The Regulation is named in full once and never again.
    assert.equal(text.split(REGULATION_FULL).length - 1, 1, `${code} names the Regulation once`);
    assert.ok(text.includes(remedySentence(code, '2026-03-20', CASE.remedyBodies!)));
    assert.ok(
      text.includes('60日内向岳阳市人民政府申请行政复议') && text.includes('向岳阳市岳阳楼区人民法院提起行政诉讼'),
    );
    assert.doesNotMatch(text, /印章/);
    assert.match(text, /岳阳市人力资源和社会保障局\n2026年3月20日$/);
    assertOfficialText(text, code);
  });
}

test('each category reads as its decision', async () => {
  const decision = async (code: (typeof OUTCOME_CODES)[number]) =>
    (await readDocx(await officialDocx(replyNotice(CASE, { outcome: code, date: '2026-03-20', summary: '—' })))).text;
  assert.match(await decision('partially_disclosed'), /能够作区分处理[\s\S]*第三十七条/);
  assert.match(await decision('withheld_third_party_rights'), /不予公开[\s\S]*第十五条/);
  assert.match(await decision('unable_not_held'), /该政府信息不存在/);
  assert.match(await decision('not_processed_duplicate'), /不予重复处理[\s\S]*第三十六条第（六）项/);
  assert.match(await decision('other_no_correction'), /逾期未补正，视为放弃申请[\s\S]*第三十条/);
  assert.match(await decision('other_fee_unpaid'), /逾期未按通知要求缴纳信息处理费[\s\S]*第四十二条/);
});

test('the layout is A4 with the GB/T 9704 margins, 仿宋 body, 小标宋 title and page numbers', async () => {
  const docx = await readDocx(
    await officialDocx(replyNotice(CASE, { outcome: 'disclosed', date: '2026-03-20', summary: '见附件' })),
  );
  const xml = docx.documentXml;
  assert.match(xml, /<w:pgSz w:w="11907" w:h="16840"|<w:pgSz w:w="1190\d" w:h="1684\d"/);
  // 37 / 35 / 28 / 26 mm in twips.
  assert.match(xml, /w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
  assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
  assert.match(xml, /w:eastAsia="方正小标宋简体"/);
  assert.match(xml, /<w:sz w:val="44"\/>/);
  assert.match(xml, /<w:sz w:val="32"\/>/);
  const footer = await docx.part('word/footer1.xml');
  assert.ok(footer && /PAGE/.test(footer), 'the footer has a page number field');
});

test('the correction request names what to correct, the period and the consequence (Art. 30)', async () => {
  const { text } = await readDocx(
    await officialDocx(
      correctionNotice(CASE, { date: '2026-03-03', correctBy: '2026-03-17', note: '请写明文件的发文年份' }),
    ),
  );
  assert.ok(text.includes('补正告知书'));
  assert.ok(text.includes('第三十条'));
  assert.ok(text.includes('请写明文件的发文年份'));
  assert.ok(text.includes('2026年3月17日'));
  assert.ok(text.includes('视为放弃申请'));
});

test('the extension notice gives the days, the reason, the approval and the new date (Art. 33)', async () => {
  const { text } = await readDocx(
    await officialDocx(
      extensionNotice(CASE, {
        date: '2026-03-25',
        days: 15,
        reason: '需要调取档案',
        newDueDate: '2026-04-21',
        rules: '2019',
      }),
    ),
  );
  assert.ok(text.includes('第三十三条'));
  assert.ok(text.includes('延长15个工作日'));
  assert.ok(text.includes('需要调取档案'));
  assert.ok(text.includes('负责人同意'));
  assert.ok(text.includes('2026年4月21日'));
  const old = await readDocx(
    await officialDocx(
      extensionNotice(CASE, { date: '2018-03-25', days: 15, reason: '需要调取档案', newDueDate: null, rules: '2008' }),
    ),
  );
  assert.ok(old.text.includes('第二十四条'));
});

test('the delayed-reply notice tells the applicant the reason and the period (Art. 35)', async () => {
  const { text } = await readDocx(
    await officialDocx(
      delayNotice(CASE, { date: '2026-03-20', until: '2026-05-29', reason: '需要逐件检索2015年以来的档案' }),
    ),
  );
  assert.match(text, /^政府信息公开申请延迟答复告知书\n王小明：/, 'no number given, no number line');
  assert.ok(text.includes('数量、频次明显超过合理范围'));
  assert.ok(
    text.includes(
      '但因需要逐件检索2015年以来的档案，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复',
    ),
  );
  assert.ok(text.includes('第三十五条的规定，本机关确定延迟答复的合理期限，答复期限延至2026年5月29日。'));
  assert.match(text, /岳阳市人力资源和社会保障局\n2026年3月20日$/);
});

test('the consultation letter gives 15 working days and the consequence of silence (Arts. 32, 34)', async () => {
  const third = (
    await readDocx(
      await officialDocx(consultationLetter(CASE, { date: '2026-03-04', party: 'third_party', replyBy: '2026-03-25' })),
    )
  ).text;
  assert.ok(
    third.includes('第三十二条') &&
      third.includes('15个工作日') &&
      third.includes('2026年3月25日') &&
      third.includes('合理理由'),
  );
  const agency = (
    await readDocx(await officialDocx(consultationLetter(CASE, { date: '2026-03-04', party: 'agency', replyBy: null })))
  ).text;
  assert.ok(agency.includes('第三十四条') && agency.includes('视为同意公开'));
});

test('the fee notice shows the method, the amount and its breakdown, and the 20 working days', async () => {
  const pages = quoteByPages(120);
  const { text } = await readDocx(
    await officialDocx(
      feeNotice(CASE, {
        date: '2026-03-10',
        amountYuan: pages.totalYuan,
        method: 'by_pages',
        units: 120,
        breakdown: pages.breakdown,
        payBy: '2026-04-08',
      }),
    ),
  );
  assert.ok(text.includes(`人民币${pages.totalYuan}元`));
  assert.ok(text.includes('第31至100页：70 × 10元 = 700元'));
  assert.ok(text.includes('第101至120页：20 × 20元 = 400元'));
  assert.ok(text.includes('20个工作日内（即2026年4月8日前）'));
  assert.ok(text.includes('国办函〔2020〕109号'));
  const count = incrementalChargeForApplication(10, 1);
  const byCount = (
    await readDocx(
      await officialDocx(
        feeNotice(CASE, {
          date: '2026-03-10',
          amountYuan: count.totalYuan,
          method: 'by_count',
          units: 11,
          breakdown: count.breakdown,
          payBy: null,
        }),
      ),
    )
  ).text;
  assert.ok(byCount.includes('第11件申请') && byCount.includes('人民币100元'));
});
