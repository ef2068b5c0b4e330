// Work in progress at the city bureau, so that every role of the review chain opens the console
// to something of its own: the drafter's drafts and an item returned to them, one item waiting
// at each review step (unit head, confidentiality reviewer, leader in charge, principal leader)
// and items ready for the disclosure office to publish. Each is drafted and moved through the
// publishing service by the account whose step it is, so its history, versions and audit
// events are those of real work. Dates lie a few days before the day the demo is loaded.
import type { Db } from '../db/database.ts';
import type { AuditContext } from '../platform/audit/audit.ts';
import { todayInChina } from '../platform/clock.ts';
import type { BlobConfig } from '../platform/files/blob-store.ts';
import { attachmentService, publishingService, type ItemEvent, type ItemInput } from '../modules/publishing/index.ts';
import { normativeAttachment } from './demo-links.ts';

type Who = 'drafter' | 'unithead' | 'reviewer' | 'leader' | 'chief' | 'officer';

interface Step {
  readonly event: ItemEvent;
  readonly by: Who;
  readonly reason?: string;
  readonly basis?: string;
}

interface WorkItem {
  readonly key: string;
  readonly title: string;
  readonly category: string;
  readonly art20: number | null;
  readonly topic: string;
  readonly genre?: string;
  readonly documentNumber?: string;
  /** Days before the demo's load day. */
  readonly daysAgo: number;
  readonly body: readonly string[];
  /** Key of the item this interpretation explains. */
  readonly interprets?: string;
  readonly steps: readonly Step[];
}

const BASIS =
  '经审查，不涉及国家秘密、工作秘密和个人隐私，可以公开（《保守国家秘密法》《政府信息公开条例》第十四条、第十五条）';
const UNIT = '就业促进科';
const up = (by: Who, event: ItemEvent): Step => ({ event, by });
const SUBMIT = up('drafter', 'submit');
const UNIT_OK = up('unithead', 'unit_approve');
const REVIEW_OK: Step = { event: 'confidentiality_approve', by: 'reviewer', basis: BASIS };
const LEADER_OK = up('leader', 'leader_check');

/** Everything the demo has in progress, in the order it is drafted (a document before its interpretation). */
export function workItems(year: number): WorkItem[] {
  return [...atTheDrafter(year), ...inReview(year), ...readyToPublish(year)];
}

/** The drafter's two drafts and the item the confidentiality reviewer returned. */
function atTheDrafter(year: number): WorkItem[] {
  return [
    {
      key: 'draft-news',
      title: `市人社局启动${year}年冬季就业援助月活动`,
      category: 'work_news',
      art20: null,
      topic: '人社动态',
      daysAgo: 1,
      body: ['近日，市人社局启动冬季就业援助月活动，面向就业困难人员开展岗位推荐和技能培训。'],
      steps: [],
    },
    {
      key: 'draft-subsidy',
      title: `${year}年第四批灵活就业人员社会保险补贴审核结果公示`,
      category: 'licensing_result',
      art20: 11,
      topic: '社保补贴',
      daysAgo: 2,
      body: ['根据有关规定，经审核，现将审核结果予以公示。', '公示期为5个工作日。'],
      steps: [],
    },
    {
      key: 'returned',
      title: `${year}年就业见习基地拟认定名单公示`,
      category: 'notice',
      art20: 11,
      topic: '就业见习',
      daysAgo: 6,
      body: ['经单位申报、实地核查，拟认定以下单位为市级就业见习基地，现予公示。'],
      steps: [
        SUBMIT,
        UNIT_OK,
        {
          event: 'return',
          by: 'reviewer',
          reason: '名单附表中含有联系人的手机号码，请删除个人信息后重新提交。',
        },
      ],
    },
  ];
}

/** Items waiting at each review step. */
function inReview(year: number): WorkItem[] {
  return [
    {
      key: 'at-unit-head',
      title: `市人社局开展${year}年“就业服务进园区”系列活动`,
      category: 'work_news',
      art20: null,
      topic: '人社动态',
      daysAgo: 2,
      body: ['市人社局联合各县市区在工业园区开展就业服务活动，现场提供岗位和政策咨询。'],
      steps: [SUBMIT],
    },
    {
      key: 'at-reviewer',
      title: `${year}年第三批创业担保贷款贴息审核结果公示`,
      category: 'licensing_result',
      art20: 11,
      topic: '创业担保贷款',
      daysAgo: 4,
      body: ['经审核，以下借款人符合贴息条件，现予公示。'],
      steps: [SUBMIT, UNIT_OK],
    },
    {
      key: 'at-leader',
      title: '关于进一步做好就业困难人员公益性岗位托底安置工作的通知',
      category: 'normative_document',
      art20: 1,
      topic: '规范性文件',
      genre: '通知',
      documentNumber: `岳人社发〔${year}〕12号`,
      daysAgo: 8,
      body: [
        '各县市区人力资源和社会保障局：为做好就业困难人员托底安置，现就有关事项通知如下。',
        '一、安置对象。',
        '二、岗位开发和管理。',
      ],
      steps: [SUBMIT, UNIT_OK, REVIEW_OK],
    },
    {
      key: 'at-chief',
      title: '关于调整失业保险技能提升补贴标准的通知',
      category: 'normative_document',
      art20: 1,
      topic: '规范性文件',
      genre: '通知',
      documentNumber: `岳人社发〔${year}〕11号`,
      daysAgo: 10,
      body: [
        '各县市区人力资源和社会保障局：根据省有关规定，现就调整技能提升补贴标准通知如下。',
        '一、补贴标准。',
        '二、申领程序。',
      ],
      steps: [SUBMIT, UNIT_OK, REVIEW_OK, LEADER_OK],
    },
    {
      key: 'interpretation-at-leader',
      title: '《关于调整失业保险技能提升补贴标准的通知》政策解读',
      category: 'policy_interpretation',
      art20: 1,
      topic: '政策解读',
      daysAgo: 9,
      interprets: 'at-chief',
      body: ['一、出台背景。', '二、主要内容：补贴标准按职业资格等级确定。', '三、申领方式。'],
      // Waits for the leader while its document waits for the principal leader: both go out together.
      steps: [SUBMIT, UNIT_OK, REVIEW_OK],
    },
  ];
}

/** Two items through their whole chain, waiting for the disclosure office to publish them. */
function readyToPublish(year: number): WorkItem[] {
  return [
    {
      key: 'ready-news',
      title: `市人社局召开${year}年度就业工作推进会`,
      category: 'work_news',
      art20: null,
      topic: '人社动态',
      daysAgo: 3,
      body: ['会议总结了全年就业工作，部署了下一阶段重点任务。'],
      steps: [SUBMIT, UNIT_OK, REVIEW_OK],
    },
    {
      key: 'ready-result',
      title: `${year}年11月失业保险金申领审核结果公示`,
      category: 'licensing_result',
      art20: 11,
      topic: '失业保险领取',
      daysAgo: 5,
      body: ['根据《失业保险条例》，经审核，现将本月失业保险金申领审核结果予以公示。'],
      steps: [SUBMIT, UNIT_OK, REVIEW_OK],
    },
  ];
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** `files`: the file store for the normative drafts' PDFs (none without it). */
export async function loadWorkflowDemo(db: Db, files?: BlobConfig): Promise<void> {
  const users = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name'])
        .where('username', 'in', ['drafter', 'unithead', 'reviewer', 'leader', 'chief', 'officer'])
        .execute()
    ).map((u) => [u.username as Who, u]),
  );
  const as = (who: Who): { ctx: AuditContext; actedBy: number } => {
    const u = users.get(who);
    if (!u) throw new Error(`demo user ${who} is missing`);
    return { ctx: { actorUserId: u.id, actorName: u.display_name, ip: null }, actedBy: u.id };
  };
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('code', '=', 'yueyang-hrss')
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('agency_id', '=', agency.id)
    .where('name', '=', UNIT)
    .executeTakeFirstOrThrow();
  const today = todayInChina();
  const ids = new Map<string, number>();
  for (const w of workItems(Number(today.slice(0, 4)))) {
    const input: ItemInput = {
      title: w.title,
      document_number: w.documentNumber ?? null,
      issuing_agencies: w.category === 'normative_document' ? [agency.name] : [],
      responsible_unit_id: unit.id,
      formation_date: daysBefore(today, w.daysAgo),
      disclosure_mode: 'proactive',
      art20_item: w.art20,
      catalog_category: w.category,
      topic: w.topic,
      genre: w.genre ?? null,
      body_html: w.body.map((l) => `<p>${l}</p>`).join(''),
      interprets_item_id: w.interprets ? ids.get(w.interprets)! : null,
    };
    const drafter = as('drafter');
    const { id } = await publishingService.createDraft(db, drafter.ctx, input, { createdBy: drafter.actedBy });
    ids.set(w.key, id);
    if (files && w.category === 'normative_document') {
      const pdf = await normativeAttachment(files, {
        title: w.title,
        documentNumber: w.documentNumber,
        body: input.body_html!,
        formationDate: input.formation_date,
      });
      await attachmentService.add(db, drafter.ctx, id, pdf, { createdBy: drafter.actedBy });
    }
    for (const step of w.steps) {
      const who = as(step.by);
      await publishingService.transition(
        db,
        who.ctx,
        id,
        step.event,
        { reason: step.reason ?? null, basis: step.basis ?? null },
        { actedBy: who.actedBy },
      );
    }
  }
}
