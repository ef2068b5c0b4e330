/**
 * CaseApplication — on a mailbox case's page: the disclosure application the letter became (Art. 29)
 * or was passed on from (Art. 39 ¶1), linked; and, for the office while the case is open, the link
 * to register it as an application.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import type { CaseApplicationView } from '../conversion.presenter.ts';

export function CaseApplication(props: { ctx: ViewContext; view: CaseApplicationView }) {
  const { t } = props.ctx;
  const { link, convertHref } = props.view;
  if (!link && !convertHref) return null;
  return (
    <section aria-labelledby="case-application" data-application-link={link?.direction ?? ''}>
      <h2 id="case-application">{t('mailbox.conversion.links')}</h2>
      {link && (
        <p>
          {t(`mailbox.conversion.${link.direction}`)}：<a href={link.href}>{link.trackingCode}</a>（
          {t('mailbox.conversion.received_on', { date: link.receivedOn })}）
        </p>
      )}
      {convertHref && (
        <p>
          <a href={convertHref}>{t('mailbox.conversion.action')}</a>
        </p>
      )}
    </section>
  );
}
