// The text of every notice kind, read back from its DOCX, against a golden file under
// test/fixtures/notices/ that a legal officer can read whole (UPDATE_GOLDEN=1 rewrites them; the
// diff is then reviewed). Each text also passes the official-text checker: no template
// alternative, doubled punctuation, empty placeholder or code word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readDocx } from '../../../../test/support/docx.ts';
import { assertOfficialText } from '../../../platform/official-text/check.ts';
import { OUTCOME_CODES, type OutcomeCode } from '../outcome.ts';
import { quoteByPages } from '../fee.ts';
import { officialDocx, type OfficialNotice } from './official-docx.ts';
import {
  consultationLetter,
  correctionNotice,
  delayNotice,
  extensionNotice,
  feeNotice,
  replyNotice,
  type NoticeCase,
} from './notice-texts.ts';
import { replyTemplateKey, TEMPLATE_KEYS, type TemplateKey } from './templates.ts';

const DIR = new URL('../../../../test/fixtures/notices/', import.meta.url);

const CASE: NoticeCase = {
  id: 42,
  applicantName: '王小明',
  receivedOn: '2026-03-02',
  // As typed by applicants: a closing full stop that must not double the one after the quote.
  description: '2025年失业保险金发放标准的文件。',
  agencyName: '岳阳市人力资源和社会保障局',
  trackingCode: 'ABCD-EFGH-JKMN-P',
  remedyBodies: { reconsiderationBody: '岳阳市人民政府', court: '岳阳市岳阳楼区人民法院' },
};

const no = (mark: string, year = 2026) => `岳人社依公开${mark}〔${year}〕7号`;

// What the officer wrote: a summary where the decision needs one; none elsewhere, so that the
// “具体情况：” line is left out rather than printed empty.
const SUMMARY: Partial<Record<TemplateKey, string>> = {
  'reply.disclosure': '经检索，本机关保存有2025年失业保险金发放标准的通知一份，现随本告知书提供',
  'reply.already_disclosed': '该通知已于2025年1月10日在本机关门户网站政府信息公开专栏主动公开',
  'reply.non_disclosure': '您申请获取的文件为本机关内部人事管理规定，属于内部事务信息（第十六条第一款）',
  'reply.partial_disclosure': '本机关保存有相关通知一份，已对其中的个人信息作遮盖处理后提供',
};

function outcomeFor(key: TemplateKey): OutcomeCode {
  if (key === 'reply.already_disclosed') return 'disclosed';
  if (key === 'reply.not_this_agency') return 'unable_not_held';
  if (key === 'reply.non_disclosure') return 'withheld_internal_affairs';
  const found = OUTCOME_CODES.find((code) => replyTemplateKey(code) === key);
  if (!found) throw new Error(`no outcome answers with ${key}`);
  return found;
}

function render(key: TemplateKey, date = '2026-03-20'): OfficialNotice {
  if (key.startsWith('reply.')) {
    const outcome = outcomeFor(key);
    return replyNotice(CASE, {
      outcome,
      date,
      summary: SUMMARY[key] ?? '',
      redactions: key === 'reply.partial_disclosure' ? '第3页申请人以外个人的身份证号码，属于个人隐私' : null,
      catalogItems:
        key === 'reply.already_disclosed'
          ? [{ title: '关于调整2025年失业保险金发放标准的通知', indexNumber: '431000-HRSS/2025-00012' }]
          : [],
      documentNumber: no('答', Number(date.slice(0, 4))),
    });
  }
  switch (key) {
    case 'correction':
      return correctionNotice(CASE, {
        date: '2026-03-03',
        correctBy: '2026-03-17',
        note: '请写明所需文件的发文年份或文号',
        documentNumber: no('补'),
      });
    case 'extension':
      return extensionNotice(CASE, {
        date: '2026-03-25',
        days: 15,
        reason: '需要调取2015年以来的档案。',
        newDueDate: '2026-04-21',
        rules: '2019',
        documentNumber: no('延'),
      });
    case 'delay':
      return delayNotice(CASE, {
        date: '2026-03-20',
        until: '2026-05-29',
        reason: '需要逐件检索2015年以来的档案',
        documentNumber: no('迟'),
      });
    case 'consultation.third_party':
    case 'consultation.agency':
      return consultationLetter(CASE, {
        date: '2026-03-04',
        party: key === 'consultation.agency' ? 'agency' : 'third_party',
        replyBy: '2026-03-25',
        documentNumber: no('征'),
      });
    case 'fee': {
      const q = quoteByPages(120);
      return feeNotice(CASE, {
        date: '2026-03-10',
        amountYuan: q.totalYuan,
        method: 'by_pages',
        units: 120,
        breakdown: q.breakdown,
        payBy: '2026-04-08',
        documentNumber: no('费'),
      });
    }
    default:
      throw new Error(`no sample for ${key}`);
  }
}

async function golden(name: string, notice: OfficialNotice): Promise<void> {
  const text = `${(await readDocx(await officialDocx(notice))).text}\n`;
  assertOfficialText(text, name);
  const file = new URL(`${name}.txt`, DIR);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, text);
  }
  assert.equal(text, readFileSync(file, 'utf8'), `${name} differs from test/fixtures/notices/${name}.txt`);
}

for (const key of TEMPLATE_KEYS) {
  test(`the ${key} notice reads as its golden text`, () => golden(key, render(key)));
}

// Before the revised Administrative Reconsideration Law took effect a refusal left the choice.
test('a refusal dated 2023-12-29 reads as its golden text (no reconsideration first)', () =>
  golden('reply.non_disclosure.2023', render('reply.non_disclosure', '2023-12-29')));
