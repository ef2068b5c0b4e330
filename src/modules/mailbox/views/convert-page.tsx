/**
 * ConvertPage — GET /admin/mailbox/:id/convert: the disclosure office registers a letter or work
 * order that asks for government information as an application (Art. 29). The page says which date
 * of receipt the application takes (the mailbox's, Art. 31) and asks only for what the letter lacks:
 * the writer's name, phone and e-mail are carried over sealed, so the form shows none of them.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ErrorSummary, Fieldset, formFields, PostForm, SubmitRow } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';

export interface ConvertCaseView {
  readonly id: number;
  readonly subject: string;
  readonly reference: string;
  readonly receivedOn: string;
}

export function ConvertPage(props: {
  ctx: ViewContext;
  kase: ConvertCaseView;
  values: Readonly<Record<string, string | undefined>>;
  issues: readonly ValidationIssue[];
  kinds: readonly string[];
  formsWanted: readonly string[];
  deliveryWays: readonly string[];
}) {
  const { ctx, kase } = props;
  const { t } = ctx;
  const f = formFields(ctx, props.values, props.issues);
  const options = (prefix: string, codes: readonly string[]) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));
  return (
    <Layout ctx={ctx} title={t('mailbox.conversion.title')}>
      <p>
        <a href={`/admin/mailbox/${kase.id}`}>
          {kase.reference} {kase.subject}
        </a>
      </p>
      <h1>{t('mailbox.conversion.title')}</h1>
      <p>{t('mailbox.conversion.intro', { receivedOn: kase.receivedOn })}</p>
      <p class="muted">{t('mailbox.conversion.carried')}</p>
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <PostForm ctx={ctx} action={`/admin/mailbox/${kase.id}/convert`}>
        <Fieldset legend={t('mailbox.conversion.application')}>
          <f.Select
            name="applicant_kind"
            label={t('applications.field.applicant_kind')}
            options={options('applications.kind', props.kinds)}
          />
          <f.Text
            name="applicant_name"
            label={t('applications.field.applicant_name')}
            hint={t('mailbox.conversion.applicant_name_hint')}
          />
          <f.Text name="id_number" label={t('applications.field.id_number')} width="medium" />
          <f.Text name="credit_code" label={t('applications.field.credit_code')} width="medium" />
          <f.Text name="contact_person" label={t('applications.field.contact_person')} width="medium" />
          <f.Text
            name="phone"
            label={t('applications.field.phone')}
            hint={t('mailbox.conversion.phone_hint')}
            width="medium"
          />
          <f.Text name="address" label={t('applications.field.address')} />
          <f.Text
            name="description"
            label={t('applications.field.description')}
            hint={t('mailbox.conversion.description_hint')}
            multiline
          />
          <f.Text name="document_number_hint" label={t('applications.field.document_number_hint')} />
          <f.Select
            name="form_wanted"
            label={t('applications.field.form_wanted')}
            options={options('applications.form', props.formsWanted)}
          />
          <f.Select
            name="delivery_way"
            label={t('applications.field.delivery_way')}
            options={options('applications.delivery', props.deliveryWays)}
          />
        </Fieldset>
        <SubmitRow ctx={ctx} label={t('mailbox.conversion.submit')} />
      </PostForm>
    </Layout>
  );
}
