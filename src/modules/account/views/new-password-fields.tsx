/**
 * NewPasswordFields — the new password and its confirmation, as the account page (change) and the
 * activation page (first password) ask for them; the rules are in the hint (platform/auth/password.ts).
 * Parameters: ctx; issues (the form's, for each field's error).
 */
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { TextField } from '../../../platform/views/components.tsx';

export function NewPasswordFields(props: { ctx: ViewContext; issues: readonly ValidationIssue[] }) {
  const { ctx } = props;
  return (
    <>
      <TextField
        ctx={ctx}
        name="new_password"
        label={ctx.t('account.new_password')}
        hint={ctx.t('account.new_password_hint')}
        type="password"
        autocomplete="new-password"
        issues={props.issues}
        width="medium"
        required
      />
      <TextField
        ctx={ctx}
        name="confirm_password"
        label={ctx.t('account.confirm_password')}
        type="password"
        autocomplete="new-password"
        issues={props.issues}
        width="medium"
        required
      />
    </>
  );
}
