/**
 * CaseMailbox — on the case page: the mayor's-mailbox letter or 12345 work order the application was
 * converted from (Art. 29), the mailbox case it was passed to after it was answered as a petition or
 * complaint (Art. 39 ¶1), each linking to the mailbox case; and, for the disclosure office, the
 * button that passes such an application to the mailbox (linked-mailbox.ts decides when it shows).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { PostButton } from '../../../platform/views/components.tsx';
import type { LinkedMailboxCase } from '../linked-mailbox.ts';

export function CaseMailbox(props: {
  ctx: ViewContext;
  rows: readonly LinkedMailboxCase[];
  /** Where "pass to the mailbox" posts; null: not offered. */
  passPath: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.rows.length === 0 && !props.passPath) return null;
  return (
    <section aria-labelledby="case-mailbox">
      <h2 id="case-mailbox">{t('applications.case.mailbox')}</h2>
      {props.rows.length > 0 && (
        <ul>
          {props.rows.map((r) => (
            <li data-mailbox-case={String(r.id)} data-direction={r.direction}>
              {t(`applications.case.mailbox_${r.direction}`)}：
              <a href={r.href}>
                {t(`applications.case.mailbox_source_${r.source === 'hotline' ? 'hotline' : 'letter'}`)} {r.reference}
              </a>
              {' — '}
              {r.subject}
            </li>
          ))}
        </ul>
      )}
      {props.passPath && (
        <>
          <p class="muted">{t('applications.case.mailbox_pass_hint')}</p>
          <PostButton ctx={ctx} action={props.passPath} label={t('applications.case.mailbox_pass')} secondary />
        </>
      )}
    </section>
  );
}
