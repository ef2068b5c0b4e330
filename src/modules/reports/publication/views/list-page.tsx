/**
 * The annual report documents the reader may see, and the form that starts one.
 *
 *  DocumentListPage({ ctx, docs, agencies, years, canStart, issues?, values? })
 */
import type { ViewContext } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { CheckboxField, CsrfField, ErrorSummary, SelectField } from '../../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../../platform/errors.ts';
import { StatusTag } from '../../../publishing/index.ts';
import { REPORT_TEMPLATES } from '../../report-formats.ts';
import type { DocumentListEntry } from '../document.presenter.ts';

export function DocumentListPage(props: {
  ctx: ViewContext;
  docs: readonly DocumentListEntry[];
  agencies: readonly { code: string; name: string }[];
  years: readonly number[];
  canStart: boolean;
  issues?: readonly ValidationIssue[];
  values?: Readonly<Record<string, string | undefined>>;
}) {
  const { ctx, docs } = props;
  const { t } = ctx;
  const issues = props.issues ?? [];
  const v = props.values ?? {};
  return (
    <Layout ctx={ctx} title={t('rdoc.list.title')} wide>
      <h1>{t('rdoc.list.title')}</h1>
      <p class="lead">{t('rdoc.list.lead')}</p>
      {docs.length === 0 ? (
        <p class="empty-state">{t('rdoc.list.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('rdoc.list.title')} tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">{t('rdoc.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rdoc.col.agency')}</th>
                <th scope="col">{t('rdoc.col.year')}</th>
                <th scope="col">{t('rdoc.col.template')}</th>
                <th scope="col">{t('rdoc.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/report-documents/${d.id}`}>{d.agencyName}</a>{' '}
                    <span class="tag">{t(`rdoc.scope.${d.scope}`)}</span>
                  </th>
                  <td>{d.reportYear}</td>
                  <td>{t(`reports.template.${d.template}`)}</td>
                  <td>
                    <StatusTag ctx={ctx} status={d.status} />
                    {d.late && <span class="tag tag--danger">{t('rdoc.late')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canStart && (
        <form method="post" action="/admin/report-documents" class="card" novalidate>
          <h2>{t('rdoc.list.start')}</h2>
          <ErrorSummary ctx={ctx} issues={issues} />
          <CsrfField ctx={ctx} />
          <SelectField
            ctx={ctx}
            name="agency"
            label={t('reports.field.agency')}
            value={v.agency}
            options={props.agencies.map((a) => ({ value: a.code, label: a.name }))}
            issues={issues}
          />
          <SelectField
            ctx={ctx}
            name="year"
            label={t('reports.field.year')}
            value={v.year}
            options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
            issues={issues}
          />
          <SelectField
            ctx={ctx}
            name="template"
            label={t('reports.field.template')}
            value={v.template}
            options={[
              { value: '', label: t('reports.template.auto') },
              ...REPORT_TEMPLATES.map((x) => ({ value: x, label: t(`reports.template.${x}`) })),
            ]}
            issues={issues}
          />
          <CheckboxField ctx={ctx} name="rollup" label={t('reports.field.rollup')} checked={v.rollup === '1'} />
          <button type="submit" class="button">
            {t('rdoc.list.start')}
          </button>
        </form>
      )}
    </Layout>
  );
}
