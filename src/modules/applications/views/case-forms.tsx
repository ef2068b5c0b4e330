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
  ErrorSummary,
  Fieldset,
  formFields,
  GroupedSelectField,
  PostForm,
  SubmitRow,
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

type FormProps = { ctx: ViewContext; values: Values; issues: readonly ValidationIssue[] };

/** The fields of a correction request (Art. 30): the date the applicant must correct by. */
function CorrectionFields(props: FormProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  return (
    <Fieldset legend={t('applications.event.correction_requested')}>
      <f.Date name="correct_by" label={t('applications.field.correct_by')} />
    </Fieldset>
  );
}

/** The fields of a consultation (Art. 32): with whom, the letter's reference and when it was received. */
function ConsultationFields(props: FormProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  const parties = (['third_party', 'agency'] as const).map((p) => ({ value: p, label: t(`applications.party.${p}`) }));
  return (
    <Fieldset legend={t('applications.event.consultation_started')}>
      <f.Select name="party" label={t('applications.field.party')} options={[{ value: '', label: '—' }, ...parties]} />
      <f.Text name="ref" label={t('applications.field.ref')} width="short" />
      <f.Date name="letter_received_on" label={t('applications.field.letter_received_on')} />
    </Fieldset>
  );
}

/** The fields of an extension (Art. 33): days, who approved it and why. */
function ExtensionFields(props: FormProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  return (
    <Fieldset legend={t('applications.event.extension_approved')}>
      <f.Text
        name="days"
        label={t('applications.field.days')}
        hint={t('applications.field.extension_hint')}
        width="short"
      />
      <f.Text name="approver" label={t('applications.field.approver')} width="medium" />
      <f.Text name="reason" label={t('applications.field.reason')} />
    </Fieldset>
  );
}

/** The fields of a delayed reply (Art. 35): until when and why. */
function DelayFields(props: FormProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  return (
    <Fieldset legend={t('applications.event.delayed_reply_set')} data="delayed_reply_set">
      <f.Date
        name="delayed_until"
        label={t('applications.field.delayed_until')}
        hint={t('applications.field.delay_hint')}
      />
      <f.Text name="delay_reason" label={t('applications.field.delay_reason')} />
    </Fieldset>
  );
}

/** The fields of a fee notice (Art. 42): how the fee is counted, pages and amount. */
function FeeFields(props: FormProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  const methods = (['by_count', 'by_pages'] as const).map((m) => ({
    value: m,
    label: t(`applications.fee_method.${m}`),
  }));
  return (
    <Fieldset legend={t('applications.event.fee_notice_sent')}>
      <f.Select
        name="fee_method"
        label={t('applications.field.fee_method')}
        options={[{ value: '', label: '—' }, ...methods]}
      />
      <f.Text name="pages" label={t('applications.field.pages')} width="short" />
      <f.Text name="amount_yuan" label={t('applications.field.amount_yuan')} width="short" />
    </Fieldset>
  );
}

/** The field of a routing: the unit the case is assigned to. */
function RoutingFields(props: FormProps & { units: readonly { id: number; name: string }[] }) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  const units = props.units.map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <Fieldset legend={t('applications.event.assigned')}>
      <f.Select
        name="unit_id"
        label={t('applications.field.assigned_unit')}
        options={[{ value: '', label: '—' }, ...units]}
      />
    </Fieldset>
  );
}

export function EventForm(props: FormProps & { id: number; units: readonly { id: number; name: string }[] }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, issues);
  const kinds = OFFICER_EVENT_KINDS.map((k) => ({ value: k, label: t(`applications.event.${k}`) }));
  return (
    <PostForm ctx={ctx} action={`/admin/applications/${props.id}/events`}>
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="field__hint">{t('applications.case.record_hint')}</p>
      <f.Select name="kind" label={t('applications.field.event_kind')} required options={kinds} />
      <f.Date name="date" label={t('applications.field.event_date')} required />
      <CorrectionFields {...props} />
      <ConsultationFields {...props} />
      <ExtensionFields {...props} />
      <DelayFields {...props} />
      <FeeFields {...props} />
      <RoutingFields {...props} />
      <f.Text name="note" label={t('applications.field.note')} multiline />
      <SubmitRow ctx={ctx} label={t('applications.case.record_submit')} />
    </PostForm>
  );
}

/** After the reply: how and when it reached the applicant (the event form with kind=delivered). */
export function DeliveryForm(props: FormProps & { id: number }) {
  const { ctx, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, props.values, issues);
  const ways = DELIVERY_WAYS.map((w) => ({ value: w, label: t(`applications.delivery.${w}`) }));
  return (
    <PostForm ctx={ctx} action={`/admin/applications/${props.id}/events`}>
      <input type="hidden" name="kind" value="delivered" />
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="field__hint">{t('applications.case.deliver_hint')}</p>
      <f.Select
        name="delivery_way"
        label={t('applications.field.delivered_by')}
        required
        options={[{ value: '', label: '—' }, ...ways]}
      />
      <f.Date name="date" label={t('applications.field.event_date')} required />
      <f.Text name="note" label={t('applications.field.note')} multiline />
      <SubmitRow ctx={ctx} label={t('applications.case.deliver_submit')} />
    </PostForm>
  );
}

export function ReplyForm(props: FormProps & { id: number }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, issues);
  const groups = CATEGORIES.map((c) => ({
    label: t(`applications.category.${c}`),
    options: OUTCOME_CODES.filter((code) => OUTCOMES[code].category === c).map((code) => ({
      value: code,
      label: outcomeLabel(ctx, code),
    })),
  }));
  return (
    <PostForm ctx={ctx} action={`/admin/applications/${props.id}/reply`}>
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
      <f.Date name="reply_date" label={t('applications.field.reply_date')} required />
      <f.Text name="summary" label={t('applications.field.reply_summary')} required multiline />
      <f.Text
        name="redactions"
        label={t('applications.field.redactions')}
        hint={t('applications.field.redactions_hint')}
        multiline
      />
      <f.Text
        name="catalog_items"
        label={t('applications.field.catalog_items')}
        hint={t('applications.field.catalog_items_hint')}
      />
      <SubmitRow ctx={ctx} label={t('applications.case.reply_submit')} />
    </PostForm>
  );
}
