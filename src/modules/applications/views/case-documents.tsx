/**
 * CaseDocuments — on the case page, under the request: the attachments (listed for every reader,
 * opened — and audited — only by roles that may see personal data), the DOCX notices the case
 * has steps for (as DOCX and as an HTML page, with the template version each was made with), and,
 * for the disclosure office, a new correction key for the applicant.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Notice, PostButton } from '../../../platform/views/components.tsx';
import { formatApplicantKey } from '../applicant-key.ts';
import type { NoticeKind } from '../notices/notices.ts';

export interface AttachmentView {
  readonly id: number;
  readonly name: string;
  readonly kind: string | null;
  readonly bytes: number;
}

export function CaseDocuments(props: {
  ctx: ViewContext;
  appId: number;
  attachments: readonly AttachmentView[];
  notices: readonly { kind: NoticeKind; templateVersion: number | null }[];
  canOpenAttachments: boolean;
  canHandle: boolean;
  issuedKey?: string;
}) {
  const { ctx, appId } = props;
  const { t } = ctx;
  return (
    <>
      {props.issuedKey && (
        <Notice kind="warning">
          <p data-issued-key={props.issuedKey}>
            {t('applications.case.issued_key', { key: formatApplicantKey(props.issuedKey) })}
          </p>
        </Notice>
      )}
      <h2>{t('applications.case.attachments')}</h2>
      {props.attachments.length === 0 ? (
        <p class="muted">{t('applications.case.no_attachments')}</p>
      ) : (
        <ul>
          {props.attachments.map((a) => (
            <li data-attachment={String(a.id)}>
              {t(`applications.attachment.kind.${a.kind ?? 'other'}`)}：{a.name}（
              {Math.max(1, Math.round(a.bytes / 1024))} KB）
              {props.canOpenAttachments && (
                <>
                  {' '}
                  <a href={`/admin/applications/${appId}/attachments/${a.id}`}>{t('applications.case.download')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canHandle && (
        <p>
          <a href={`/admin/applications/${appId}/released`} data-released-link="true">
            {t('applications.released.manage')}
          </a>
        </p>
      )}
      {props.notices.length > 0 && (
        <>
          <h2>{t('applications.case.notices')}</h2>
          <ul>
            {props.notices.map(({ kind: k, templateVersion }) => (
              <li>
                <a href={`/admin/applications/${appId}/notices/${k}.docx`} data-notice={k}>
                  {t(`applications.notice.${k}`)}
                </a>
                {' · '}
                <a href={`/admin/applications/${appId}/notices/${k}.html`} data-notice-html={k}>
                  {t('applications.notice.html')}
                </a>
                <span class="muted">
                  {' '}
                  {templateVersion
                    ? t('notice_templates.used_version', { n: templateVersion })
                    : t('notice_templates.used_built_in')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.canHandle && (
        <p>
          <PostButton
            ctx={ctx}
            action={`/admin/applications/${appId}/applicant-key`}
            label={t('applications.case.issue_key')}
            confirm={t('applications.case.issue_key_confirm')}
            secondary
          />
        </p>
      )}
    </>
  );
}
