/**
 * Components shared by the organisation pages, in the pattern of platform/views/components.tsx
 * (label, hint, error above the input, aria-invalid / aria-describedby, summary links to #field-NAME).
 *
 *  GroupedSelectField({ ctx, name, label, value, groups: [{label, options}], issues?, hint?, empty?, required? })
 *      — a select whose options sit in <optgroup>s (units under their agency); `empty` adds a
 *        first option with value "" and that label
 *  CheckboxField({ ctx, name, label, checked, hint? })  — a single checkbox posting "1"
 *  PostButton({ ctx, action, label, confirm?, warning?, secondary?, hiddenLabel? })
 *      — a one-button POST form with the CSRF field; `confirm` sets data-confirm (app.js asks first)
 *  SummaryRow({ label, value })                       — one dt/dd pair of a summary-list
 *  UserStatus({ ctx, status })                        — tags: disabled, locked until, must change password
 *  DoneNotice({ ctx, done })                          — the success banner after a redirect (?done=KEY)
 */
import type { ComponentChildren } from 'preact';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { pick } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Notice } from '../../../platform/views/components.tsx';
import type { UserStatusView } from '../user.presenter.ts';
import type { OptionGroup } from '../route-support.ts';

export { GroupedSelectField, CheckboxField, PostButton } from '../../../platform/views/components.tsx';

export function SummaryRow(props: { label: string; value: ComponentChildren }) {
  const empty = props.value === null || props.value === undefined || props.value === '';
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{empty ? '—' : props.value}</dd>
    </>
  );
}

export function UserStatus(props: { ctx: ViewContext; status: UserStatusView }) {
  const { t } = props.ctx;
  const s = props.status;
  const tags: { text: string; danger: boolean }[] = [];
  if (s.disabled) tags.push({ text: t('org.status.disabled'), danger: true });
  if (s.lockedUntil) tags.push({ text: t('org.status.locked_until', { until: s.lockedUntil }), danger: true });
  if (s.mustChangePassword) tags.push({ text: t('org.status.must_change'), danger: false });
  if (tags.length === 0) tags.push({ text: t('org.status.active'), danger: false });
  return (
    <>
      {tags.map((tag) => (
        <span class={tag.danger ? 'tag tag--danger' : 'tag'}>{tag.text}</span>
      ))}
    </>
  );
}

/** Keys a redirect may name in ?done=…, with their message. */
export const doneMessages: Record<string, string> = {
  saved: 'org.saved',
  agency_created: 'org.agency.created',
  unit_created: 'org.unit.created',
  member_added: 'org.lg.added',
  member_ended: 'org.lg.ended',
  user_created: 'org.user.created',
  locked: 'org.user.locked',
  unlocked: 'org.user.unlocked',
  granted: 'org.role.granted',
  revoked: 'org.role.revoked',
};

export function DoneNotice(props: { ctx: ViewContext; done?: string }) {
  const key = props.done && Object.hasOwn(doneMessages, props.done) ? doneMessages[props.done] : undefined;
  return key ? <Notice kind="success">{props.ctx.t(key)}</Notice> : null;
}
