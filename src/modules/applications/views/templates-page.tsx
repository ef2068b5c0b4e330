/**
 * TemplateListPage — GET /admin/notice-templates: every notice template of the office's agency
 * with its current version (or “built-in text” until one is stored).
 * TemplateEditPage — GET /admin/notice-templates/:key: the current text in a form, the list of
 * placeholders the template may use (the required ones marked), a preview of the typed text on a
 * sample case (the preview button re-renders the page, nothing is saved), and the versions with
 * who saved them, when and why.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ErrorSummary, formFields, Notice, PostForm, TableWrap } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { placeholdersFor, requiredPlaceholders, type TemplateKey } from '../notices/templates.ts';
import type { OfficialNotice } from '../notices/official-docx.ts';
import type { TemplateVersionItem } from '../notices/templates.presenter.ts';
import { NoticeDocument } from './notice-page.tsx';

export function templateName(ctx: ViewContext, key: TemplateKey): string {
  const { t } = ctx;
  return key.startsWith('reply.')
    ? t('notice_templates.name.reply', { what: t(`notice_templates.${key}`) })
    : t(`notice_templates.name.${key}`);
}

export function TemplateListPage(props: {
  ctx: ViewContext;
  agencyName: string;
  rows: readonly { key: TemplateKey; version: number | null }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notice_templates.title')}>
      <h1>{t('notice_templates.title')}</h1>
      <p class="muted">{props.agencyName}</p>
      <p>{t('notice_templates.intro')}</p>
      <TableWrap ctx={ctx}>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('notice_templates.key')}</th>
              <th scope="col">{t('notice_templates.version')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr data-template={r.key}>
                <td>
                  <a href={`/admin/notice-templates/${r.key}`}>{templateName(ctx, r.key)}</a>
                </td>
                <td>
                  {r.version ? t('notice_templates.version_n', { n: r.version }) : t('notice_templates.built_in')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}

type EditProps = {
  ctx: ViewContext;
  templateKey: TemplateKey;
  values: { title: string; body: string; reason: string };
  /** The version the form started from (0: the built-in text). */
  basedOn: number;
  issues: readonly ValidationIssue[];
  preview: OfficialNotice | null;
  saved?: number;
  history: readonly TemplateVersionItem[];
};

/** The text in a form: title, body and the reason for the change; preview re-renders, save stores a version. */
function TemplateForm(props: EditProps) {
  const { ctx, templateKey: key } = props;
  const { t } = ctx;
  const f = formFields(ctx, props.values, props.issues);
  return (
    <PostForm ctx={ctx} action={`/admin/notice-templates/${key}`}>
      <input type="hidden" name="based_on" value={String(props.basedOn)} />
      <f.Text name="title" label={t('notice_templates.field.title')} required />
      <f.Text name="body" label={t('notice_templates.field.body')} required multiline />
      <f.Text name="reason" label={t('notice_templates.field.reason')} width="long" />
      <div class="button-row">
        <button type="submit" class="button button--secondary" name="action" value="preview">
          {t('notice_templates.preview')}
        </button>
        <button type="submit" class="button" name="action" value="save">
          {t('notice_templates.save')}
        </button>
      </div>
    </PostForm>
  );
}

/** The placeholders the template may use, the required ones marked. */
function Placeholders(props: { ctx: ViewContext; templateKey: TemplateKey }) {
  const { ctx, templateKey: key } = props;
  const { t } = ctx;
  const required = requiredPlaceholders(key);
  return (
    <>
      <h2>{t('notice_templates.placeholders')}</h2>
      <p class="field__hint">{t('notice_templates.placeholders_hint')}</p>
      <ul data-placeholders="true">
        {placeholdersFor(key).map((p) => (
          <li>
            <code>{`{{${p}}}`}</code> — {t(`notice_templates.ph.${p}`)}
            {required.includes(p) && <strong>（{t('notice_templates.required')}）</strong>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The versions stored, newest first, each with who saved it, when, why and its text. */
function TemplateHistory(props: { ctx: ViewContext; history: readonly TemplateVersionItem[] }) {
  const { t } = props.ctx;
  return (
    <>
      <h2>{t('notice_templates.history')}</h2>
      {props.history.length === 0 ? (
        <p class="muted">{t('notice_templates.built_in')}</p>
      ) : (
        <ol reversed>
          {props.history.map((h) => (
            <li data-version={String(h.version)}>
              <strong>{t('notice_templates.version_n', { n: h.version })}</strong> · {h.savedAt} ·{' '}
              {h.authorName ?? t('notice_templates.system')} · {h.reason}
              <details>
                <summary>{t('notice_templates.show_text')}</summary>
                <p>
                  <strong>{h.title}</strong>
                </p>
                <pre class="template-text">{h.body}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function TemplateEditPage(props: EditProps) {
  const { ctx, templateKey: key } = props;
  const { t } = ctx;
  const name = templateName(ctx, key);
  return (
    <Layout ctx={ctx} title={t('notice_templates.edit_title', { name })} wide>
      <p>
        <a href="/admin/notice-templates">{t('notice_templates.title')}</a>
      </p>
      <h1>{t('notice_templates.edit_title', { name })}</h1>
      {props.saved && <Notice kind="success">{t('notice_templates.saved', { n: props.saved })}</Notice>}
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <TemplateForm {...props} />
      <Placeholders ctx={ctx} templateKey={key} />
      {props.preview && (
        <section aria-labelledby="preview-heading" data-preview="true">
          <h2 id="preview-heading">{t('notice_templates.preview')}</h2>
          <p class="muted">{t('notice_templates.preview_hint')}</p>
          <NoticeDocument notice={props.preview} headingLevel={2} />
        </section>
      )}
      <TemplateHistory ctx={ctx} history={props.history} />
    </Layout>
  );
}
