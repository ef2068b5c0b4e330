// The duplicate-request detector by table: which descriptions ask for the same information,
// which applications are the same applicant's, and when Art. 44's proposal is made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  descriptionSimilarity,
  detectDuplicates,
  normaliseDescription,
  sameInformation,
  type Candidate,
} from './duplicates.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';

const SAME: [string, string][] = [
  ['2025年岳阳市失业保险金发放标准的文件', '请公开2025年岳阳市失业保险金发放标准'],
  ['申请公开：岳阳市2025年公益性岗位补贴发放情况', '岳阳市2025年度公益性岗位补贴发放情况。'],
  ['《关于调整最低工资标准的通知》（岳政发〔2024〕3号）', '关于调整最低工资标准的通知 岳政发〔2024〕3号'],
];
const DIFFERENT: [string, string][] = [
  ['2025年岳阳市失业保险金发放标准', '2024年岳阳市失业保险金发放标准'],
  ['2025年岳阳市失业保险金发放标准', '2025年岳阳市职业技能培训补贴名单'],
  ['本单位2025年部门预算', '岳阳县人社局办公楼维修工程招标文件'],
];

test('descriptions that ask for the same information, and those that do not', () => {
  for (const [a, b] of SAME)
    assert.ok(sameInformation(a, b), `${a} ~ ${b} (${descriptionSimilarity(a, b).toFixed(2)})`);
  for (const [a, b] of DIFFERENT)
    assert.ok(!sameInformation(a, b), `${a} ≁ ${b} (${descriptionSimilarity(a, b).toFixed(2)})`);
  assert.equal(normaliseDescription('申请公开：“2025年 标准”的文件！'), '2025年标准文件');
  assert.equal(descriptionSimilarity('', ''), 0);
});

const vault = createVault('aes-256-gcm', ['1f'.repeat(32)]);
const nameIndex = (name: string) => vault.nameIndex(name);

function candidate(id: number, who: Partial<Candidate>, description: string): Candidate {
  return {
    id,
    tracking_code: `CODE${id}`,
    applicant_name_index: nameIndex('张三'),
    applicant_kind: 'natural_person',
    id_number_index: null,
    organisation_credit_code: null,
    description,
    received_on: `2026-03-${String(id).padStart(2, '0')}`,
    outcome: null,
    ...who,
  };
}

test('the same applicant is recognised by the identity index, the credit code, or the name', () => {
  const me = candidate(10, { id_number_index: 'idx-a' }, '2025年部门预算');
  const report = detectDuplicates(me, [
    candidate(1, { id_number_index: 'idx-a', applicant_name_index: nameIndex('张三丰') }, '办公楼维修招标文件'),
    candidate(2, { id_number_index: 'idx-b' }, '2024年部门决算'),
    candidate(
      3,
      {
        applicant_kind: 'commercial_enterprise',
        applicant_name_index: nameIndex('某公司'),
        organisation_credit_code: '91430600MA4L0XXXXX',
      },
      '2025年政府采购目录',
    ),
  ]);
  assert.deepEqual(
    report.similar.map((s) => [s.id, s.sameApplicant, s.sameInformation]),
    [[1, true, false]],
  );
  const org = candidate(
    11,
    {
      applicant_kind: 'commercial_enterprise',
      applicant_name_index: nameIndex('某公司（更名）'),
      organisation_credit_code: '91430600ma4l0xxxxx',
    },
    '安全生产许可名单',
  );
  assert.equal(
    detectDuplicates(org, [
      candidate(3, { applicant_kind: 'commercial_enterprise', organisation_credit_code: '91430600MA4L0XXXXX' }, 'x'),
    ]).similar[0]?.sameApplicant,
    true,
  );
});

test('without an identity number or credit code, the blind index of the name tells the applicant, width and spacing aside', () => {
  const me = candidate(30, {}, '2025年部门预算');
  const report = detectDuplicates(me, [
    candidate(1, { applicant_name_index: nameIndex('　张三 ') }, '办公楼维修招标文件'),
    candidate(2, { applicant_name_index: nameIndex('张三丰') }, '办公楼维修招标文件'),
    candidate(3, { applicant_name_index: null }, '办公楼维修招标文件'),
  ]);
  assert.deepEqual(
    report.similar.map((s) => [s.id, s.sameApplicant]),
    [[1, true]],
  );
});

test('a name typed with spaces is the same applicant as without (张 三 and 张三), as the blind index reads it', () => {
  const me = candidate(31, { applicant_name_index: nameIndex('张 三') }, '2025年部门预算');
  const report = detectDuplicates(me, [
    candidate(1, { applicant_name_index: nameIndex('张三') }, '办公楼维修招标文件'),
    candidate(2, { applicant_name_index: nameIndex('张　三 ') }, '办公楼维修招标文件'),
    candidate(3, { applicant_name_index: nameIndex('张三丰') }, '办公楼维修招标文件'),
  ]);
  assert.deepEqual(
    report.similar.map((s) => [s.id, s.sameApplicant]),
    [
      [2, true],
      [1, true],
    ],
  );
});

test('the identities of the applicant under other keys (knownAs) match earlier applications indexed under them', () => {
  const me = candidate(40, { id_number_index: 'new-key-index' }, '2025年部门预算');
  const earlier = [
    candidate(1, { id_number_index: 'old-key-index' }, '办公楼维修招标文件'),
    candidate(2, { id_number_index: 'old-key-index' }, '2025年部门预算的文件'),
  ];
  assert.deepEqual(
    detectDuplicates(me, earlier).similar.filter((s) => s.sameApplicant),
    [],
  );
  const report = detectDuplicates(me, earlier, ['id:new-key-index', 'id:old-key-index']);
  assert.deepEqual(
    report.similar.map((s) => [s.id, s.sameApplicant]),
    [
      [2, true],
      [1, true],
    ],
  );
  assert.equal(report.applicantsForSameInformation, 1, 'the same applicant asking again is one applicant');
});

test('three different applicants asking for the same information bring the proposal of Art. 44; two do not', () => {
  const info = '2025年岳阳市失业保险金发放标准';
  const me = candidate(20, { id_number_index: 'a' }, `请公开${info}的文件`);
  const two = detectDuplicates(me, [
    candidate(1, { id_number_index: 'b' }, info),
    candidate(2, { id_number_index: 'b' }, `${info}。`),
  ]);
  assert.equal(two.applicantsForSameInformation, 2, 'one applicant asking twice counts once');
  assert.equal(two.proposeProactive, false);
  const three = detectDuplicates(me, [
    candidate(1, { id_number_index: 'b' }, info),
    candidate(3, { applicant_name_index: nameIndex('李四') }, info),
    candidate(4, { id_number_index: 'c' }, '2024年岳阳市失业保险金发放标准'),
  ]);
  assert.equal(three.applicantsForSameInformation, 3);
  assert.equal(three.proposeProactive, true);
  assert.deepEqual(three.similar.map((s) => s.id).sort(), [1, 3], 'the 2024 figures are other information');
  assert.deepEqual(detectDuplicates(me, [me]).similar, [], 'the case itself is not a duplicate');
});
