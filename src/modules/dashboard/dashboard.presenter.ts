// Store rows → what the dashboard panels show (docs/conventions.md#presenters): the urgent cases
// with their tracking code formatted, and each reminder with the parameters of its sentence read
// from the detail the reminder job recorded.
import { formatTrackingCode } from '../applications/index.ts';
import type { NotificationRow } from '../notifications/index.ts';
import type { AttentionKind } from './dashboard.ts';
import type { OpenCase } from './dashboard.store.ts';

export interface UrgentCase {
  readonly id: number;
  /** Formatted for reading (formatTrackingCode). */
  readonly trackingCode: string;
  /** The due date, or the end of the wait when the case has none. */
  readonly due: string;
  readonly attention: AttentionKind;
  readonly unitName: string | null;
}

export function presentUrgentCase(c: OpenCase, attention: AttentionKind): UrgentCase {
  return {
    id: c.id,
    trackingCode: formatTrackingCode(c.tracking_code),
    due: c.due_date ?? c.waiting_until ?? '',
    attention,
    unitName: c.unit_name,
  };
}

export interface NoticeItem {
  readonly id: number;
  readonly kind: string;
  readonly applicationId: number | null;
  /** The formatted tracking code ('' when the reminder names no case). */
  readonly code: string;
  /** The parameters of the message `dashboard.notices.<kind>`. */
  readonly params: { readonly code: string; readonly due: string; readonly date: string; readonly from: string };
}

interface NoticeDetail {
  trackingCode?: string;
  dueDate?: string;
  windowEnd?: string;
  previousDueDate?: string;
}

export function presentNotice(n: NotificationRow): NoticeItem {
  let detail: NoticeDetail = {};
  try {
    detail = JSON.parse(n.detail_json) as NoticeDetail;
  } catch {
    // A detail that does not parse (an older release's) still shows the sentence, without values.
    detail = {};
  }
  const code = detail.trackingCode ? formatTrackingCode(detail.trackingCode) : '';
  return {
    id: n.id,
    kind: n.kind,
    applicationId: n.application_id,
    code,
    params: { code, due: detail.dueDate ?? '', date: detail.windowEnd ?? '', from: detail.previousDueDate ?? '' },
  };
}
