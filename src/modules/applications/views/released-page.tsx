/**
 * ReleasedFilesPage — GET /admin/applications/:id/released: the information released with the
 * reply (files the applicant downloads from the tracking page after the proof), and the form to
 * attach more (multipart).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, FieldFrame, describedBy, fieldId } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';

export function ReleasedFilesPage(props: {
  ctx: ViewContext;
  applicationId: number;
  trackingCode: string;
  files: readonly { name: string; kilobytes: number }[];
  issues: readonly ValidationIssue[];
}) {
  const { ctx, issues } = props;
  const { t } = ctx;
  const title = `${t('applications.released.title')}：${props.trackingCode}`;
  const error = issues.find((i) => i.field === 'released');
  const field = {
    ctx,
    name: 'released',
    label: t('applications.released.file'),
    hint: t('applications.released.hint'),
    issues,
  };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('applications.released.intro')}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      {props.files.length === 0 ? (
        <p class="muted">{t('applications.released.none')}</p>
      ) : (
        <ul data-released-files="true">
          {props.files.map((f) => (
            <li>
              {f.name}
              {ctx.locale === 'en' ? ` (${f.kilobytes} KB)` : `（${f.kilobytes} KB）`}
            </li>
          ))}
        </ul>
      )}
      <form
        method="post"
        action={`/admin/applications/${props.applicationId}/released`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <FieldFrame {...field} error={error}>
          <input
            id={fieldId('released')}
            name="released"
            type="file"
            class="input"
            multiple
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(field, error)}
          />
        </FieldFrame>
        <div class="button-row">
          <button type="submit" class="button">
            {t('applications.released.submit')}
          </button>
          <a href={`/admin/applications/${props.applicationId}`}>{t('applications.notice.back_to_case')}</a>
        </div>
      </form>
    </Layout>
  );
}
