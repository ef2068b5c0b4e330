/**
 * EventForm — records one step of a case (correction, consultation, extension, delayed reply,
 * fee, routing, note). One form, so it works without JavaScript: the step is chosen from a list and the
 * fields it needs are grouped and labelled.
 * ReplyForm — the answer with its outcome in the categories of table 三 (outcome.ts), grouped
 * as the table groups them.
 *
 * Parameters: ctx; id (case id); units (for routing); values; issues.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  GroupedSelectField,
  SelectField,
  TextField,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { DELIVERY_WAYS, OFFICER_EVENT_KINDS } from '../applications.ts';
import { OUTCOME_CODES, OUTCOMES, outcomeRow2021, type OutcomeCategory, type OutcomeCode } from '../outcome.ts';
import type { Values } from './applicant-fields.tsx';

const CATEGORIES: readonly OutcomeCategory[] = [
  'disclosed',
  'partially_disclosed',
  'withheld',
  'unable_to_provide',
  'not_processed',
  'other_handling',
];

/** An outcome as the officer chooses it: the row label of table 三 (Chinese) or its English name. */
export function outcomeLabel(ctx: ViewContext, code: OutcomeCode): string {
  const row = outcomeRow2021(code);
  return ctx.locale === 'en' ? OUTCOMES[code].en : row.label;
}

export function EventForm(props: {
  ctx: ViewContext;
  id: number;
  units: readonly { id: number; name: string }[];
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  return (
    <form method="post" action={`/admin/applications/${props.id}/events`} novalidate>
      <CsrfField ctx={ctx} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="field__hint">{t('applications.case.record_hint')}</p>
      <SelectField
        ctx={ctx}
        name="kind"
        label={t('applications.field.event_kind')}
        value={v.kind}
        issues={issues}
        required
        options={OFFICER_EVENT_KINDS.map((k) => ({ value: k, label: t(`applications.event.${k}`) }))}
      />
      <TextField
        ctx={ctx}
        name="date"
        type="date"
        label={t('applications.field.event_date')}
        value={v.date}
        issues={issues}
        required
        width="short"
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.event.correction_requested')}</legend>
        <TextField
          ctx={ctx}
          name="correct_by"
          type="date"
          label={t('applications.field.correct_by')}
          value={v.correct_by}
          issues={issues}
          width="short"
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.event.consultation_started')}</legend>
        <SelectField
          ctx={ctx}
          name="party"
          label={t('applications.field.party')}
          value={v.party ?? ''}
          issues={issues}
          options={[
            { value: '', label: '—' },
            { value: 'third_party', label: t('applications.party.third_party') },
            { value: 'agency', label: t('applications.party.agency') },
          ]}
        />
        <TextField
          ctx={ctx}
          name="ref"
          label={t('applications.field.ref')}
          value={v.ref}
          issues={issues}
          width="short"
        />
        <TextField
          ctx={ctx}
          name="letter_received_on"
          type="date"
          label={t('applications.field.letter_received_on')}
          value={v.letter_received_on}
          issues={issues}
          width="short"
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.event.extension_approved')}</legend>
        <TextField
          ctx={ctx}
          name="days"
          label={t('applications.field.days')}
          hint={t('applications.field.extension_hint')}
          value={v.days}
          issues={issues}
          width="short"
        />
        <TextField
          ctx={ctx}
          name="approver"
          label={t('applications.field.approver')}
          value={v.approver}
          issues={issues}
          width="medium"
        />
        <TextField ctx={ctx} name="reason" label={t('applications.field.reason')} value={v.reason} issues={issues} />
      </fieldset>
      <fieldset class="fieldset" data-fieldset="delayed_reply_set">
        <legend class="fieldset__legend">{t('applications.event.delayed_reply_set')}</legend>
        <TextField
          ctx={ctx}
          name="delayed_until"
          type="date"
          label={t('applications.field.delayed_until')}
          hint={t('applications.field.delay_hint')}
          value={v.delayed_until}
          issues={issues}
          width="short"
        />
        <TextField
          ctx={ctx}
          name="delay_reason"
          label={t('applications.field.delay_reason')}
          value={v.delay_reason}
          issues={issues}
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.event.fee_notice_sent')}</legend>
        <SelectField
          ctx={ctx}
          name="fee_method"
          label={t('applications.field.fee_method')}
          value={v.fee_method ?? ''}
          issues={issues}
          options={[
            { value: '', label: '—' },
            ...(['by_count', 'by_pages'] as const).map((m) => ({ value: m, label: t(`applications.fee_method.${m}`) })),
          ]}
        />
        <TextField
          ctx={ctx}
          name="pages"
          label={t('applications.field.pages')}
          value={v.pages}
          issues={issues}
          width="short"
        />
        <TextField
          ctx={ctx}
          name="amount_yuan"
          label={t('applications.field.amount_yuan')}
          value={v.amount_yuan}
          issues={issues}
          width="short"
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.event.assigned')}</legend>
        <SelectField
          ctx={ctx}
          name="unit_id"
          label={t('applications.field.assigned_unit')}
          value={v.unit_id ?? ''}
          issues={issues}
          options={[{ value: '', label: '—' }, ...props.units.map((u) => ({ value: String(u.id), label: u.name }))]}
        />
      </fieldset>
      <TextField ctx={ctx} name="note" label={t('applications.field.note')} value={v.note} issues={issues} multiline />
      <div class="button-row">
        <button type="submit" class="button">
          {t('applications.case.record_submit')}
        </button>
      </div>
    </form>
  );
}

/** After the reply: how and when it reached the applicant (the event form with kind=delivered). */
export function DeliveryForm(props: {
  ctx: ViewContext;
  id: number;
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  return (
    <form method="post" action={`/admin/applications/${props.id}/events`} novalidate>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="kind" value="delivered" />
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="field__hint">{t('applications.case.deliver_hint')}</p>
      <SelectField
        ctx={ctx}
        name="delivery_way"
        label={t('applications.field.delivered_by')}
        value={v.delivery_way ?? ''}
        issues={issues}
        required
        options={[
          { value: '', label: '—' },
          ...DELIVERY_WAYS.map((w) => ({ value: w, label: t(`applications.delivery.${w}`) })),
        ]}
      />
      <TextField
        ctx={ctx}
        name="date"
        type="date"
        label={t('applications.field.event_date')}
        value={v.date}
        issues={issues}
        required
        width="short"
      />
      <TextField ctx={ctx} name="note" label={t('applications.field.note')} value={v.note} issues={issues} multiline />
      <div class="button-row">
        <button type="submit" class="button">
          {t('applications.case.deliver_submit')}
        </button>
      </div>
    </form>
  );
}

export function ReplyForm(props: { ctx: ViewContext; id: number; values: Values; issues: readonly ValidationIssue[] }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const groups = CATEGORIES.map((c) => ({
    label: t(`applications.category.${c}`),
    options: OUTCOME_CODES.filter((code) => OUTCOMES[code].category === c).map((code) => ({
      value: code,
      label: outcomeLabel(ctx, code),
    })),
  }));
  return (
    <form method="post" action={`/admin/applications/${props.id}/reply`} novalidate>
      <CsrfField ctx={ctx} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="field__hint">{t('applications.case.reply_hint')}</p>
      <GroupedSelectField
        ctx={ctx}
        name="outcome"
        label={t('applications.field.outcome')}
        value={v.outcome}
        issues={issues}
        groups={groups}
        empty="—"
        required
      />
      <TextField
        ctx={ctx}
        name="reply_date"
        type="date"
        label={t('applications.field.reply_date')}
        value={v.reply_date}
        issues={issues}
        required
        width="short"
      />
      <TextField
        ctx={ctx}
        name="summary"
        label={t('applications.field.reply_summary')}
        value={v.summary}
        issues={issues}
        required
        multiline
      />
      <TextField
        ctx={ctx}
        name="redactions"
        label={t('applications.field.redactions')}
        hint={t('applications.field.redactions_hint')}
        value={v.redactions}
        issues={issues}
        multiline
      />
      <TextField
        ctx={ctx}
        name="catalog_items"
        label={t('applications.field.catalog_items')}
        hint={t('applications.field.catalog_items_hint')}
        value={v.catalog_items}
        issues={issues}
      />
      <div class="button-row">
        <button type="submit" class="button">
          {t('applications.case.reply_submit')}
        </button>
      </div>
    </form>
  );
}
