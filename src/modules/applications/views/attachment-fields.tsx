/**
 * AttachmentFields — the file inputs of the application form (public and counter): proof of
 * identity and an authorisation (for an agent or an organisation). The form around them must be
 * multipart/form-data.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { describedBy, fieldId, FieldFrame } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { ATTACHMENT_FIELDS } from '../attachments.ts';

export function AttachmentFields(props: { ctx: ViewContext; issues: readonly ValidationIssue[] }) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('applications.field.attachments')}</legend>
      {(Object.keys(ATTACHMENT_FIELDS) as (keyof typeof ATTACHMENT_FIELDS)[]).map((name) => {
        const error = issues.find((i) => i.field === name);
        const field = {
          ctx,
          name,
          label: t(`applications.attachment.kind.${ATTACHMENT_FIELDS[name]}`),
          hint: t('applications.field.attachments_hint'),
          issues,
        };
        return (
          <FieldFrame {...field} error={error}>
            <input
              id={fieldId(name)}
              name={name}
              type="file"
              class="input"
              accept=".pdf,.jpg,.jpeg,.png"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy(field, error)}
            />
          </FieldFrame>
        );
      })}
    </fieldset>
  );
}
