/**
 * CaseDuplicates — on the case page: earlier or later applications to the agency from the same
 * applicant or asking for the same information (duplicates.ts), each linked with its date and
 * answer, so the officer can answer a repeat with 不予重复处理 (Art. 36(六)); and, when several
 * applicants ask for the same information, the proposal to make it proactive (Art. 44).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Notice } from '../../../platform/views/components.tsx';
import type { DuplicateReport } from '../duplicates.ts';
import { isOutcomeCode } from '../outcome.ts';
import { formatTrackingCode } from '../tracking.ts';
import { outcomeLabel } from './case-forms.tsx';

export function CaseDuplicates(props: { ctx: ViewContext; report: DuplicateReport }) {
  const { ctx, report } = props;
  const { t } = ctx;
  if (!report.similar.length) return null;
  return (
    <section aria-labelledby="case-duplicates" data-duplicates={String(report.similar.length)}>
      <h2 id="case-duplicates">{t('applications.duplicates.title')}</h2>
      {report.proposeProactive && (
        <Notice kind="warning">
          <p data-propose-proactive="true">
            {t('applications.duplicates.propose', { n: report.applicantsForSameInformation })}
          </p>
        </Notice>
      )}
      <ul>
        {report.similar.map((s) => (
          <li data-similar={String(s.id)}>
            <a href={`/admin/applications/${s.id}`}>{formatTrackingCode(s.trackingCode)}</a>（{s.receivedOn}）：
            {[
              s.sameApplicant ? t('applications.duplicates.same_applicant') : '',
              s.sameInformation
                ? t('applications.duplicates.same_information', { pct: Math.round(s.similarity * 100) })
                : '',
            ]
              .filter(Boolean)
              .join('；')}
            {' · '}
            {s.outcome && isOutcomeCode(s.outcome)
              ? outcomeLabel(ctx, s.outcome)
              : t('applications.duplicates.not_answered')}
          </li>
        ))}
      </ul>
    </section>
  );
}
