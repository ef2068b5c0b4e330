/**
 * The form of a published correction (发布更正): the current version's content to edit, and the
 * public change note that explains it.
 *
 *  CorrectionPage({ ctx, itemId, indexNumber, values, issues })
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { ContentFields, type FormValues } from './item-form-page.tsx';

export function CorrectionPage(props: {
  ctx: ViewContext;
  itemId: number;
  indexNumber: string;
  values: FormValues;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => {
    const x = values[name];
    return x === null || x === undefined ? '' : String(x);
  };
  const title = t('pub.correct.title', { index: props.indexNumber });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('pub.correct.intro')}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={`/admin/items/${props.itemId}/correct`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="change_note"
          label={t('pub.field.change_note')}
          value={v('change_note')}
          issues={issues}
          multiline
          required
        />
        <TextField
          ctx={ctx}
          name="changed_on"
          label={t('pub.field.changed_on')}
          hint={t('pub.field.changed_on_hint')}
          value={v('changed_on')}
          issues={issues}
          type="date"
          width="short"
        />
        <TextField ctx={ctx} name="title" label={t('pub.field.title')} value={v('title')} issues={issues} required />
        <TextField
          ctx={ctx}
          name="document_number"
          label={t('pub.field.document_number')}
          value={v('document_number')}
          issues={issues}
          width="medium"
        />
        <TextField
          ctx={ctx}
          name="issuing_agencies"
          label={t('pub.field.issuing_agencies')}
          hint={t('pub.field.issuing_agencies_hint')}
          value={v('issuing_agencies')}
          issues={issues}
        />
        <ContentFields ctx={ctx} values={values} issues={issues} />
        <div class="button-row">
          <button type="submit" class="button button--warning">
            {t('pub.correct.submit')}
          </button>
          <a href={`/admin/items/${props.itemId}`}>{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
