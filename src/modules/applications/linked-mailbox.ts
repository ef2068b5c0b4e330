// The mailbox letters and 12345 work orders linked to an application, which its case page lists:
// the letter it was converted from (Art. 29), or the mailbox case it was passed to after it was
// answered “不作为政府信息公开申请处理” (Art. 39 ¶1; docs/domain/mailbox-and-hotline.md#letters-and-applications).
// They are the mailbox module's rows, and that module depends on this one, not the other way round:
// so it provides the lookup and the path of its "pass to the mailbox" action, and the composition
// root registers them (as linked-reviews.ts does). Without a provider the page lists none.
import type { Executor } from '../../db/database.ts';

/** A linked case as the page shows it. */
export interface LinkedMailboxCase {
  readonly id: number;
  /** letter | hotline */
  readonly source: string;
  /** The letter's tracking code or the centre's order number. */
  readonly reference: string;
  readonly subject: string;
  /** converted_from: the application came from it; passed_to: the application was passed to it. */
  readonly direction: 'converted_from' | 'passed_to';
  readonly href: string;
}

export interface LinkedMailboxProvider {
  readonly links: (db: Executor, applicationId: number) => Promise<readonly LinkedMailboxCase[]>;
  /** Where the case page's "pass to the mailbox" button posts. */
  readonly passPath: (applicationId: number) => string;
}

let provider: LinkedMailboxProvider | null = null;

export function registerLinkedMailbox(found: LinkedMailboxProvider): void {
  provider = found;
}

/** How many providers are registered (for the tests of the wiring). */
export function linkedMailboxProviderCount(): number {
  return provider ? 1 : 0;
}

/** The outcome Art. 39 ¶1 gives a petition, complaint or report, which may be passed to the mailbox. */
export const PASSABLE_OUTCOME = 'not_processed_petition';

/**
 * The linked cases, and where to pass the application when it may be passed: answered as a
 * petition or complaint (Art. 39 ¶1 “可以告知通过相应渠道提出”), and not passed already.
 */
export async function linkedMailbox(
  db: Executor,
  app: { readonly id: number; readonly outcome: string | null },
): Promise<{ rows: readonly LinkedMailboxCase[]; passPath: string | null }> {
  if (!provider) return { rows: [], passPath: null };
  const rows = await provider.links(db, app.id);
  const passable = app.outcome === PASSABLE_OUTCOME && !rows.some((r) => r.direction === 'passed_to');
  return { rows, passPath: passable ? provider.passPath(app.id) : null };
}
