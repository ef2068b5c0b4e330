/**
 * Sections of the item page added with corrections, attachments, validity and interpretations.
 *
 *  AttachmentsSection({ ctx, itemId, attachments, canEdit, maxBytes, issues })
 *      — the files of the current version with download links; for the draft's drafter an upload
 *        form and, per file, replace and remove
 *  ValiditySection({ ctx, itemId, validity, canRecord, issues, values? })
 *      — 有效 / 已修改 / 已废止 / 已失效 with dates, and the form to record a change
 *  LinksSection({ ctx, interprets, interpretations })
 *      — the policy document an interpretation explains, and a document's interpretations
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, PostButton, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { AttachmentLine, LinkedItem, ValidityEntry } from '../item.presenter.ts';
import { validities } from '../publishing.ts';
import { FileField } from '../../../platform/files/file-field.tsx';
import { PUBLICATION_KINDS } from '../../../platform/files/index.ts';

export function AttachmentsSection(props: {
  ctx: ViewContext;
  itemId: number;
  attachments: readonly AttachmentLine[];
  canEdit: boolean;
  maxBytes: number;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, itemId, attachments, issues } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('pub.item.attachments')}</h2>
      {attachments.length === 0 ? (
        <p>{t('pub.attachment.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">{t('pub.item.attachments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pub.attachment.name')}</th>
                <th scope="col">{t('pub.attachment.kind')}</th>
                <th scope="col">{t('pub.attachment.size')}</th>
                {props.canEdit && <th scope="col">{t('pub.item.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr>
                  <td>
                    <a href={`/admin/items/${itemId}/attachments/${a.id}`} download={a.filename}>
                      {a.filename}
                    </a>
                  </td>
                  <td>{a.kind}</td>
                  <td>{a.size}</td>
                  {props.canEdit && (
                    <td>
                      <form
                        method="post"
                        action={`/admin/items/${itemId}/attachments/${a.id}/replace`}
                        enctype="multipart/form-data"
                        class="card"
                      >
                        <CsrfField ctx={ctx} />
                        <FileField
                          ctx={ctx}
                          name={`replace-${a.id}`}
                          label={t('pub.attachment.replace_with', { name: a.filename })}
                          kinds={PUBLICATION_KINDS}
                          maxBytes={props.maxBytes}
                          issues={issues}
                          required
                        />
                        <button type="submit" class="button button--secondary">
                          {t('pub.attachment.replace')}
                        </button>
                      </form>
                      <PostButton
                        ctx={ctx}
                        action={`/admin/items/${itemId}/attachments/${a.id}/remove`}
                        label={t('pub.attachment.remove')}
                        hiddenLabel={a.filename}
                        warning
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canEdit && (
        <form method="post" action={`/admin/items/${itemId}/attachments`} enctype="multipart/form-data" class="card">
          <CsrfField ctx={ctx} />
          <FileField
            ctx={ctx}
            name="file"
            label={t('pub.field.file')}
            kinds={PUBLICATION_KINDS}
            maxBytes={props.maxBytes}
            issues={issues}
            required
          />
          <button type="submit" class="button">
            {t('pub.attachment.add')}
          </button>
        </form>
      )}
    </section>
  );
}

function ValidityTable(props: { ctx: ViewContext; validity: readonly ValidityEntry[] }) {
  const { t } = props.ctx;
  if (props.validity.length === 0) return <p>{t('pub.validity.none')}</p>;
  return (
    <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
      <table class="table">
        <caption class="visually-hidden">{t('pub.item.validity')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pub.field.effective_date')}</th>
            <th scope="col">{t('pub.field.validity')}</th>
            <th scope="col">{t('pub.field.validity_note')}</th>
          </tr>
        </thead>
        <tbody>
          {props.validity.map((v) => (
            <tr>
              <td>{v.effectiveDate}</td>
              <td>{t(`pub.validity.${v.validity}`)}</td>
              <td>{v.note ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ValidityForm(props: {
  ctx: ViewContext;
  itemId: number;
  issues: readonly ValidationIssue[];
  values: Record<string, string | undefined>;
}) {
  const { ctx, issues, values } = props;
  const { t } = ctx;
  return (
    <form method="post" action={`/admin/items/${props.itemId}/validity`} class="card" novalidate>
      <h3>{t('pub.validity.form_title')}</h3>
      <CsrfField ctx={ctx} />
      <SelectField
        ctx={ctx}
        name="validity"
        label={t('pub.field.validity')}
        value={values.validity ?? ''}
        issues={issues}
        required
        options={[
          { value: '', label: t('pub.choose') },
          ...validities.map((v) => ({ value: v, label: t(`pub.validity.${v}`) })),
        ]}
      />
      <TextField
        ctx={ctx}
        name="effective_date"
        label={t('pub.field.effective_date')}
        value={values.effective_date ?? ''}
        issues={issues}
        type="date"
        width="short"
        required
      />
      <TextField ctx={ctx} name="note" label={t('pub.field.validity_note')} value={values.note ?? ''} issues={issues} />
      <TextField
        ctx={ctx}
        name="changed_on"
        label={t('pub.field.changed_on')}
        hint={t('pub.field.changed_on_hint')}
        value={values.changed_on ?? ''}
        issues={issues}
        type="date"
        width="short"
      />
      <button type="submit" class="button">
        {t('pub.validity.submit')}
      </button>
    </form>
  );
}

export function ValiditySection(props: {
  ctx: ViewContext;
  itemId: number;
  validity: readonly ValidityEntry[];
  canRecord: boolean;
  issues: readonly ValidationIssue[];
  values?: Record<string, string | undefined>;
}) {
  const { ctx } = props;
  return (
    <section aria-labelledby="validity-title">
      <h2 id="validity-title">{ctx.t('pub.item.validity')}</h2>
      <ValidityTable ctx={ctx} validity={props.validity} />
      {props.canRecord && (
        <ValidityForm ctx={ctx} itemId={props.itemId} issues={props.issues} values={props.values ?? {}} />
      )}
    </section>
  );
}

export function LinksSection(props: {
  ctx: ViewContext;
  interprets: LinkedItem | null;
  interpretations: readonly LinkedItem[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  if (!props.interprets && props.interpretations.length === 0) return null;
  const link = (i: LinkedItem) => (
    <li>
      <a href={`/admin/items/${i.id}`}>{i.title}</a> <code>{i.indexNumber}</code>{' '}
      <span class="tag">{t(`pub.status.${i.status}`)}</span>
    </li>
  );
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{props.interprets ? t('pub.item.interprets') : t('pub.item.interpretations')}</h2>
      <ul class="plain-list">
        {props.interprets && link(props.interprets)}
        {props.interpretations.map(link)}
      </ul>
    </section>
  );
}
