// Built-in notice texts with a template alternative (“（或……）”) or the Regulation's name twice were
// corrected (issue 12, docs/domain/notices.md#wording). A stored template version is never changed,
// so an agency whose current version is still the old built-in text, unedited, gets the corrected
// text as a new version, recorded as the system's; an agency that edited its text keeps its own.
import type { Kysely } from 'kysely';

const REASON = '系统内置文本修订：删去括注的备选表述，条例全称只写一次';

const CHANGED: Record<string, { old: string; title: string; body: string }> = {
  'reply.disclosure': {
    old: '本机关于{{received_date}}收到您提出的政府信息公开申请，申请获取“{{description}}”。\n经审查，您申请获取的政府信息属于公开范围，本机关予以公开，现向您提供（或告知获取的方式、途径和时间如下）。\n具体情况：{{summary}}\n依据{{legal_basis}}的规定，特此告知。\n{{remedies}}',
    title: '政府信息公开申请答复告知书',
    body: '本机关于{{received_date}}收到您提出的政府信息公开申请，申请获取“{{description}}”。\n经审查，您申请获取的政府信息属于公开范围，本机关予以公开，现向您提供。\n具体情况：{{summary}}\n依据{{legal_basis}}的规定，特此告知。\n{{remedies}}',
  },
  delay: {
    old: '本机关于{{received_date}}收到您提出的政府信息公开申请，申请获取“{{description}}”。\n经审查，您申请公开政府信息的数量、频次明显超过合理范围。本机关认为您的申请理由合理，但因{{delay_reason}}，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关确定延迟答复的合理期限，答复期限延至{{new_due_date}}。\n特此告知。',
    title: '政府信息公开申请延迟答复告知书',
    body: '本机关于{{received_date}}收到您提出的政府信息公开申请，申请获取“{{description}}”。\n经审查，您申请公开政府信息的数量、频次明显超过合理范围。本机关认为您的申请理由合理，但因{{delay_reason}}，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，本机关确定延迟答复的合理期限，答复期限延至{{new_due_date}}。\n特此告知。',
  },
  'consultation.third_party': {
    old: '本机关于{{received_date}}收到一份政府信息公开申请，申请获取“{{description}}”。该信息的公开可能涉及贵方的合法权益（或由贵方共同制作）。\n根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请于{{reply_by}}提出书面意见，并说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开。\n特此函告。',
    title: '政府信息公开征求意见函',
    body: '本机关于{{received_date}}收到一份政府信息公开申请，申请获取“{{description}}”。该信息的公开可能损害贵方的合法权益。\n根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请于{{reply_by}}提出书面意见，并说明理由。逾期未提出意见的，由本机关依照该条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开。\n特此函告。',
  },
  'consultation.agency': {
    old: '本机关于{{received_date}}收到一份政府信息公开申请，申请获取“{{description}}”。该信息的公开可能涉及贵方的合法权益（或由贵方共同制作）。\n根据《中华人民共和国政府信息公开条例》第三十四条的规定，现书面征求贵方意见。请于{{reply_by}}提出书面意见，并说明理由。逾期未提出意见的，视为同意公开。\n特此函告。',
    title: '政府信息公开征求意见函',
    body: '本机关于{{received_date}}收到一份政府信息公开申请，申请获取“{{description}}”。该信息由本机关与贵方共同制作。\n根据《中华人民共和国政府信息公开条例》第三十四条的规定，现书面征求贵方意见。请于{{reply_by}}提出书面意见，并说明理由。逾期未提出意见的，视为同意公开。\n特此函告。',
  },
};

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  for (const [key, text] of Object.entries(CHANGED)) {
    const rows = await db
      .selectFrom('notice_template_versions')
      .select(['agency_id', 'version', 'body'])
      .where('template_key', '=', key)
      .orderBy('agency_id')
      .orderBy('version', 'desc')
      .execute();
    const latest = new Map<number, { version: number; body: string }>();
    for (const r of rows) if (!latest.has(r.agency_id)) latest.set(r.agency_id, r);
    for (const [agencyId, current] of latest) {
      if (current.body !== text.old) continue;
      await db
        .insertInto('notice_template_versions')
        .values({
          agency_id: agencyId,
          template_key: key,
          version: current.version + 1,
          title: text.title,
          body: text.body,
          reason: REASON,
          created_by: null,
          created_at: now,
        })
        .execute();
    }
  }
}

// Versions are immutable (triggers); the corrected text stays.
export async function down(): Promise<void> {}
