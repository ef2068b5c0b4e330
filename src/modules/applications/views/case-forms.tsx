/**
 * EventForm — records one step of a case (correction, consultation, extension, delayed reply,
 * fee, routing, note). One form, so it works without JavaScript: the step is chosen from a list and the
 * fields it needs are grouped and labelled.
 * ReplyForm — the answer with its outcome in the categories of table 三 (outcome.ts), grouped
 * as the table groups them.
 *
 * Parameters: ctx; id (case id); units (for routing); values; issues.
 */
import type { ComponentChildren } from 'preact';
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
import { DELIVERY_WAYS, OFFICER_EVENT_KINDS, type OfficerEventKind } from '../applications.ts';
import { OUTCOME_CODES, OUTCOMES, outcomeRow2021, type OutcomeCategory, type OutcomeCode } from '../outcome.ts';
import type { Values } from './applicant-fields.tsx';
import type { ReplyApprover } from '../reply-approvers.ts';

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

/** The groups of fields of the event form and the steps that read them (applications.events.ts):
 *  only the chosen step's groups are shown (issue 15 item 11). */
const GROUP_KINDS = {
  correction: ['correction_requested'],
  consultation: ['consultation_started', 'consultation_ended'],
  received: ['consultation_started', 'fee_notice_sent'],
  extension: ['extension_approved'],
  reason: ['extension_approved', 'fee_waived'],
  delayed_reply_set: ['delayed_reply_set'],
  fee: ['fee_notice_sent', 'fee_paid'],
  routing: ['assigned'],
} as const satisfies Record<string, readonly OfficerEventKind[]>;
type Group = keyof typeof GROUP_KINDS;

/** The step whose fields are shown: the one chosen, or the list's first. */
export function chosenKind(values: Values): OfficerEventKind {
  const kind = OFFICER_EVENT_KINDS.find((k) => k === values.kind);
  return kind ?? OFFICER_EVENT_KINDS[0];
}

type GroupProps = FormProps & { kind: OfficerEventKind };

/** A group's attributes: its name, the steps it belongs to, hidden unless the chosen step is one. */
function groupOf(group: Group, kind: OfficerEventKind) {
  const kinds: readonly OfficerEventKind[] = GROUP_KINDS[group];
  return { data: group, forChoice: kinds.join(' '), hidden: !kinds.includes(kind) };
}

/** A group of one field without a legend of its own (it serves several steps). */
function FieldGroup(props: { group: Group; kind: OfficerEventKind; children: ComponentChildren }) {
  const g = groupOf(props.group, props.kind);
  return (
    <div data-fieldset={g.data} data-for-choice={g.forChoice} hidden={g.hidden}>
      {props.children}
    </div>
  );
}

/** The fields of a correction request (Art. 30): the date the applicant must correct by. */
function CorrectionFields(props: GroupProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  return (
    <Fieldset legend={t('applications.event.correction_requested')} {...groupOf('correction', props.kind)}>
      <f.Date name="correct_by" label={t('applications.field.correct_by')} />
    </Fieldset>
  );
}

/** The fields of a consultation (Art. 32): with whom and the letter's reference; and when a letter
 *  (a consultation or a fee notice) was received. */
function ConsultationFields(props: GroupProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  const parties = (['third_party', 'agency'] as const).map((p) => ({ value: p, label: t(`applications.party.${p}`) }));
  return (
    <>
      <Fieldset legend={t('applications.event.consultation_started')} {...groupOf('consultation', props.kind)}>
        <f.Select
          name="party"
          label={t('applications.field.party')}
          options={[{ value: '', label: '—' }, ...parties]}
        />
        <f.Text name="ref" label={t('applications.field.ref')} width="short" />
      </Fieldset>
      <FieldGroup group="received" kind={props.kind}>
        <f.Date name="letter_received_on" label={t('applications.field.letter_received_on')} />
      </FieldGroup>
    </>
  );
}

/** The fields of an extension (Art. 33): days and who approved it; and the reason (of an extension
 *  or a fee waiver). */
function ExtensionFields(props: GroupProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  return (
    <>
      <Fieldset legend={t('applications.event.extension_approved')} {...groupOf('extension', props.kind)}>
        <f.Text
          name="days"
          label={t('applications.field.days')}
          hint={t('applications.field.extension_hint')}
          width="short"
        />
        <f.Text name="approver" label={t('applications.field.approver')} width="medium" />
      </Fieldset>
      <FieldGroup group="reason" kind={props.kind}>
        <f.Text name="reason" label={t('applications.field.reason')} />
      </FieldGroup>
    </>
  );
}

/** The fields of a delayed reply (Art. 35): until when and why. */
function DelayFields(props: GroupProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  return (
    <Fieldset legend={t('applications.event.delayed_reply_set')} {...groupOf('delayed_reply_set', props.kind)}>
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
function FeeFields(props: GroupProps) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  const methods = (['by_count', 'by_pages'] as const).map((m) => ({
    value: m,
    label: t(`applications.fee_method.${m}`),
  }));
  return (
    <Fieldset legend={t('applications.event.fee_notice_sent')} {...groupOf('fee', props.kind)}>
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
function RoutingFields(props: GroupProps & { units: readonly { id: number; name: string }[] }) {
  const f = formFields(props.ctx, props.values, props.issues);
  const { t } = props.ctx;
  const units = props.units.map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <Fieldset legend={t('applications.event.assigned')} {...groupOf('routing', props.kind)}>
      <f.Select
        name="unit_id"
        label={t('applications.field.assigned_unit')}
        options={[{ value: '', label: '—' }, ...units]}
      />
    </Fieldset>
  );
}

/** One form for every step, so it works without JavaScript: the step is chosen from the list and
 *  only its fields are shown — by the server when the form is shown again after "show the fields"
 *  (or a refused entry), by app.js as soon as the choice changes. */
export function EventForm(props: FormProps & { id: number; units: readonly { id: number; name: string }[] }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, issues);
  const kinds = OFFICER_EVENT_KINDS.map((k) => ({ value: k, label: t(`applications.event.${k}`) }));
  const group = { ...props, kind: chosenKind(v) };
  return (
    <PostForm ctx={ctx} action={`/admin/applications/${props.id}/events`}>
      <ErrorSummary ctx={ctx} issues={issues} />
      <p class="field__hint">{t('applications.case.record_hint')}</p>
      <div data-choice="kind">
        <f.Select name="kind" label={t('applications.field.event_kind')} required options={kinds} />
        <div class="button-row">
          <button
            type="submit"
            class="button button--secondary"
            name="show"
            value="1"
            formaction={`/admin/applications/${props.id}/events#record`}
            data-choice-show="true"
          >
            {t('applications.case.show_fields')}
          </button>
        </div>
      </div>
      <f.Date name="date" label={t('applications.field.event_date')} required />
      <CorrectionFields {...group} />
      <ConsultationFields {...group} />
      <ExtensionFields {...group} />
      <DelayFields {...group} />
      <FeeFields {...group} />
      <RoutingFields {...group} />
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

/** Who may approve, as the hint names them: 信息公开工作机构负责人、分管领导或主要领导. */
export function approversText(ctx: ViewContext, approvers: readonly ReplyApprover[]): string {
  const names = approvers.map((a) => ctx.t(`reply_approvers.role.${a}`));
  if (names.length < 2) return names.join('');
  return ctx.t('reply_approvers.list', {
    names: names.slice(0, -1).join(ctx.t('reply_approvers.sep')),
    last: names.at(-1)!,
  });
}

export function ReplyForm(props: FormProps & { id: number; approvers: readonly ReplyApprover[] }) {
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
      <p class="field__hint" data-reply-approvers={props.approvers.join(' ')}>
        {t('applications.case.reply_hint', { approvers: approversText(ctx, props.approvers) })}
      </p>
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
