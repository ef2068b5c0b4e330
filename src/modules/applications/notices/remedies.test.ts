// The remedy sentence and the citation of the Regulation, against hand-written cases: which
// replies must go to reconsideration first (行政复议法 2023 Art. 23 ¶1 (四), from 2024-01-01), the
// 60-day and 6-month limits, the configured body and court, and the Art. 36 item by the facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basisFor, citeBasis, reconsiderationFirst, remedySentence } from './remedies.ts';
import { OUTCOMES } from '../outcome.ts';

const BODIES = { reconsiderationBody: '岳阳市人民政府', court: '岳阳市岳阳楼区人民法院' };

test('reconsideration first: refusals dated 2024-01-01 or later, nothing else', () => {
  const cases: [Parameters<typeof reconsiderationFirst>[0], string, boolean][] = [
    ['withheld_third_party_rights', '2023-12-31', false], // the old law: a free choice
    ['withheld_third_party_rights', '2024-01-01', true], // the first day of the revised law
    ['withheld_state_secret', '2026-12-07', true],
    ['withheld_process_information', '2025-06-30', true],
    ['partially_disclosed', '2024-01-02', true], // for its withheld part
    ['partially_disclosed', '2023-12-29', false],
    ['disclosed', '2026-12-07', false],
    ['unable_not_held', '2026-12-07', false], // nothing is withheld: the information is not held
    ['unable_needs_creation', '2026-12-07', false],
    ['not_processed_duplicate', '2026-12-07', false],
    ['other_no_correction', '2026-12-07', false],
  ];
  for (const [outcome, date, expected] of cases)
    assert.equal(reconsiderationFirst(outcome, date), expected, `${outcome} on ${date}`);
});

test('the remedy sentence names the body and the court with 60 days and 6 months', () => {
  assert.equal(
    remedySentence('disclosed', '2026-03-20', BODIES),
    '如对本答复不服，可以自收到本告知书之日起60日内向岳阳市人民政府申请行政复议，也可以自收到本告知书之日起6个月内向岳阳市岳阳楼区人民法院提起行政诉讼。',
  );
  assert.equal(
    remedySentence('withheld_third_party_rights', '2023-12-31', BODIES),
    '如对本答复不服，可以自收到本告知书之日起60日内向岳阳市人民政府申请行政复议，也可以自收到本告知书之日起6个月内向岳阳市岳阳楼区人民法院提起行政诉讼。',
  );
  assert.equal(
    remedySentence('withheld_third_party_rights', '2024-01-01', BODIES),
    '如对本答复不服，可以自收到本告知书之日起60日内向岳阳市人民政府申请行政复议（根据《中华人民共和国行政复议法》第二十三条的规定，应当先申请行政复议）；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向岳阳市岳阳楼区人民法院提起行政诉讼。',
  );
  const partial = remedySentence('partially_disclosed', '2026-03-20', BODIES);
  assert.match(partial, /^如对本答复中不予公开的部分不服，.*应当先申请行政复议/);
  assert.match(partial, /对本答复其他内容不服的，.*6个月内向岳阳市岳阳楼区人民法院提起行政诉讼。$/);
});

test('without configured bodies the sentence still reads, naming none', () => {
  assert.equal(
    remedySentence('disclosed', '2026-03-20', { reconsiderationBody: null, court: null }),
    '如对本答复不服，可以自收到本告知书之日起60日内依法申请行政复议，也可以自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。',
  );
});

test('the Regulation is named once, then articles by number; Art. 36 items follow the facts', () => {
  assert.equal(
    citeBasis(OUTCOMES.withheld_third_party_rights.basis),
    '《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项',
  );
  assert.equal(
    citeBasis(basisFor('disclosed', 'disclosure')),
    '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  );
  assert.equal(
    citeBasis(basisFor('disclosed', 'already_disclosed')),
    '《中华人民共和国政府信息公开条例》第三十六条第（一）项',
  );
  assert.equal(
    citeBasis(basisFor('unable_not_held', 'not_exist')),
    '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
  );
  assert.equal(
    citeBasis(OUTCOMES.other_fee_unpaid.basis),
    '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  );
});
