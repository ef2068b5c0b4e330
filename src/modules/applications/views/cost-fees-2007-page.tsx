/**
 * The 2007-era fees of one application (2007 Regulation Arts. 27–28): what was recorded, and the
 * form to record a cost fee collected or a hardship waiver.
 *
 *  CostFees2007Page({ ctx, applicationId, trackingCode, rows (presented), values, issues })
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { CostFeeLine } from '../cost-fees-2007.presenter.ts';
import { COST_FEE_KINDS } from '../cost-fees-2007.ts';

export function CostFees2007Page(props: {
  ctx: ViewContext;
  applicationId: number;
  trackingCode: string;
  rows: readonly CostFeeLine[];
  values: Record<string, string>;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, rows, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => values[name] ?? '';
  const title = `${t('cost2007.title')}：${props.trackingCode}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('cost2007.intro')}</p>
      {rows.length > 0 && (
        <table class="table" data-cost-fees>
          <thead>
            <tr>
              <th scope="col">{t('cost2007.field.occurred_on')}</th>
              <th scope="col">{t('cost2007.field.kind')}</th>
              <th scope="col">{t('cost2007.field.search_yuan')}</th>
              <th scope="col">{t('cost2007.field.copying_yuan')}</th>
              <th scope="col">{t('cost2007.field.postage_yuan')}</th>
              <th scope="col">{t('cost2007.field.approver')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.occurredOn}</td>
                <td>
                  {t(`cost2007.kind.${r.kind}`)}（{t('cost2007.total', { amount: r.amountYuan })}）
                </td>
                <td>{r.searchYuan}</td>
                <td>{r.copyingYuan}</td>
                <td>{r.postageYuan}</td>
                <td>{r.approver ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={`/admin/applications/${props.applicationId}/cost-fees-2007`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="kind"
          label={t('cost2007.field.kind')}
          value={v('kind')}
          issues={issues}
          required
          options={COST_FEE_KINDS.map((k) => ({ value: k, label: t(`cost2007.kind.${k}`) }))}
        />
        <TextField
          ctx={ctx}
          name="occurred_on"
          label={t('cost2007.field.occurred_on')}
          value={v('occurred_on')}
          issues={issues}
          type="date"
          width="short"
          required
        />
        {(['search_yuan', 'copying_yuan', 'postage_yuan'] as const).map((name) => (
          <TextField
            ctx={ctx}
            name={name}
            label={t(`cost2007.field.${name}`)}
            value={v(name)}
            issues={issues}
            width="short"
          />
        ))}
        <TextField
          ctx={ctx}
          name="approver"
          label={t('cost2007.field.approver')}
          value={v('approver')}
          issues={issues}
        />
        <TextField
          ctx={ctx}
          name="reason"
          label={t('cost2007.field.reason')}
          value={v('reason')}
          issues={issues}
          multiline
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('cost2007.submit')}
          </button>
          <a href={`/admin/applications/${props.applicationId}`}>{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
