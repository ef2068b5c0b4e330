// The demo's applicants: invented people and organisations of Yueyang with identifiers that pass their
// check characters (a resident ID with a real region and birth date, a unified social credit code),
// so the console's personal-data handling is shown on realistic but fictitious data.
import { creditCodeCheckChar, residentIdCheckChar } from '../platform/pii/identifiers.ts';
import type { ApplicantKind } from '../modules/applications/index.ts';

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰'];
const ORG_NAMES: Record<Exclude<ApplicantKind, 'natural_person'>, string[]> = {
  business: ['岳阳市洞庭建筑劳务有限公司', '湖南巴陵物流有限公司', '岳阳南湖商贸有限公司'],
  research_institution: ['湖南理工学院社会保障研究所', '岳阳市职业教育研究中心'],
  public_interest_org: ['岳阳市助残公益服务中心', '岳阳市农民工关爱协会'],
  legal_service_org: ['湖南岳州律师事务所', '岳阳市法律援助中心'],
  other_org: ['岳阳市个体劳动者协会', '华容县农业专业合作社联合会'],
};
const ORG_PREFIX: Record<Exclude<ApplicantKind, 'natural_person'>, string> = {
  business: '91',
  research_institution: '12',
  public_interest_org: '52',
  legal_service_org: '31',
  other_org: '93',
};
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A resident ID with a real region (岳阳), a birth date and the right check character. */
function residentId(n: number): string {
  const first17 = `430602${1960 + (n % 40)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  return first17 + residentIdCheckChar(first17);
}

function creditCode(kind: Exclude<ApplicantKind, 'natural_person'>, n: number): string {
  let tail = '';
  for (let i = 0; i < 9; i++) tail += CODE_CHARS[(n * 7 + i * 13) % CODE_CHARS.length];
  const first17 = `${ORG_PREFIX[kind]}430600${tail}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The counter registration form of applicant `n` of a kind. */
export function applicantForm(kind: ApplicantKind, n: number, description: string): Record<string, string> {
  const phone = `139${String(73000000 + n * 7919).slice(-8)}`;
  const common = {
    applicant_kind: kind,
    phone,
    description,
    form_wanted: n % 2 ? 'paper' : 'electronic',
    delivery_way: n % 2 ? 'post' : 'email',
    address: `湖南省岳阳市岳阳楼区巴陵中路${n + 1}号`,
    email: `demo${n}@example.cn`,
  };
  if (kind === 'natural_person')
    return { ...common, applicant_name: SURNAMES[n % 12]! + GIVEN[(n * 5) % 12]!, id_number: residentId(n) };
  const names = ORG_NAMES[kind];
  return {
    ...common,
    applicant_name: names[n % names.length]!,
    credit_code: creditCode(kind, n),
    contact_person: SURNAMES[(n + 3) % 12]! + GIVEN[(n + 1) % 12]!,
  };
}
