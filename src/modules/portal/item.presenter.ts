// A public item's page as it shows it: the metadata display-ready (issuing agencies joined, file
// sizes and kinds written out, dates cut to the day), the validity history and the public
// history. Pure: it runs once per rendered page, which the page cache keeps (docs/performance.md#portal).
import { formatBytes } from '../../platform/files/check.ts';
import type { PublicItemRecord, WithdrawnRecord } from './public-item.ts';

export interface ValidityEntry {
  /** A validity code (pub.validity.*). */
  readonly validity: string;
  readonly effectiveDate: string;
  readonly note: string | null;
}

export interface ItemPageModel {
  readonly item: {
    readonly id: number;
    readonly title: string;
    readonly indexNumber: string;
    readonly documentNumber: string | null;
    /** 发文机关, joined with 、; the publishing agency when none were recorded. */
    readonly issuers: string;
    readonly agencyName: string;
    readonly agencyCode: string;
    readonly unitName: string;
    readonly formationDate: string;
    readonly publicationDate: string | null;
    readonly category: string;
    readonly art20Item: number | null;
    readonly normative: boolean;
    readonly topic: string | null;
    readonly genre: string | null;
    readonly keywords: string | null;
    readonly summary: string | null;
    /** Sanitized when it was saved (publishing/sanitize.ts). */
    readonly bodyHtml: string;
  };
  /** Oldest first; the last is the current one. */
  readonly validity: readonly ValidityEntry[];
  readonly attachments: readonly { id: number; filename: string; kind: string; size: string }[];
  readonly linked: readonly { id: number; title: string; category: string }[];
  /** Publication events (portal.item.event.*), each with its day. */
  readonly events: readonly { event: string; date: string }[];
  readonly corrections: readonly { versionNo: number; note: string; date: string }[];
  /** The attachment address: live /items/:id/attachments/:aid, or a file in the static copy. */
  readonly attachmentHref: (id: number, filename: string) => string;
}

function issuers(json: string, fallback: string): string {
  try {
    const list = JSON.parse(json) as unknown;
    if (Array.isArray(list) && list.length) return list.join('、');
  } catch {
    /* stored by the publishing module as JSON; a bad row shows the agency */
  }
  return fallback;
}

export function presentItem(record: PublicItemRecord, attachmentHref: ItemPageModel['attachmentHref']): ItemPageModel {
  const i = record.item;
  return {
    item: {
      id: i.id,
      title: i.title,
      indexNumber: i.index_number,
      documentNumber: i.document_number,
      issuers: issuers(i.issuing_agencies, i.agency_name),
      agencyName: i.agency_name,
      agencyCode: i.agency_code,
      unitName: i.unit_name,
      formationDate: i.formation_date,
      publicationDate: i.publication_date,
      category: i.catalog_category,
      art20Item: i.art20_item,
      normative: Boolean(i.is_normative),
      topic: i.topic,
      genre: i.genre,
      keywords: i.keywords,
      summary: i.summary,
      bodyHtml: i.body_html,
    },
    validity: record.validity.map((v) => ({ validity: v.validity, effectiveDate: v.effective_date, note: v.note })),
    attachments: record.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      kind: a.kind.toUpperCase(),
      size: formatBytes(a.size),
    })),
    linked: record.linked.map((l) => ({ id: l.id, title: l.title, category: l.catalog_category })),
    events: record.events.map((e) => ({ event: e.event, date: e.created_at.slice(0, 10) })),
    corrections: record.corrections.map((c) => ({
      versionNo: c.version_no,
      note: c.change_note ?? '',
      date: c.created_at.slice(0, 10),
    })),
    attachmentHref,
  };
}

/** The notice that replaces a withdrawn item. */
export interface WithdrawnNotice {
  readonly title: string;
  readonly indexNumber: string;
  readonly agencyName: string;
  /** The public reason, when one was given. */
  readonly reason: string | null;
  readonly withdrawnOn: string;
}

export function presentWithdrawn(notice: WithdrawnRecord): WithdrawnNotice {
  return {
    title: notice.title,
    indexNumber: notice.index_number,
    agencyName: notice.agency_name,
    reason: notice.reason,
    withdrawnOn: notice.withdrawn_at.slice(0, 10),
  };
}
