/**
 * PersonalDataAuditPage({ ctx, events, subjectName, olderThan? }) — the audit administrator's list
 * of grants of roles that reach personal data and of reveals of it, newest first; `olderThan`
 * links the next page.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { formatChinaTime } from '../../../platform/clock.ts';
import type { AuditActor } from '../audit.presenter.ts';
import { actorName } from './actor.ts';

export interface PersonalDataEvent {
  readonly seq: number;
  readonly at: string;
  /** Who acted (`actorName` shows it). */
  readonly actor: AuditActor;
  readonly ip: string | null;
  readonly kind: 'grant' | 'reveal' | 'attachment';
  readonly role?: string;
  readonly fields: readonly string[];
  readonly subjectType: string | null;
  readonly subjectId: string | null;
}

const FIELD_KEYS: Record<string, string> = {
  name: 'audit.pd.field_name',
  id_number: 'applications.field.id_number',
  phone: 'applications.field.phone',
  address: 'applications.field.address',
  email: 'applications.field.email',
};

export function PersonalDataAuditPage(props: {
  ctx: ViewContext;
  events: readonly PersonalDataEvent[];
  subjectName: (e: PersonalDataEvent) => string;
  olderThan?: number;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const what = (e: PersonalDataEvent) =>
    e.kind === 'grant'
      ? t('audit.pd.grant', { role: t(`role.${e.role}`) })
      : e.kind === 'attachment'
        ? t(e.subjectType === 'mailbox_case' ? 'audit.pd.letter_attachment' : 'audit.pd.attachment')
        : t('audit.pd.reveal', { fields: e.fields.map((f) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]) : f)).join('、') });
  return (
    <Layout ctx={ctx} title={t('audit.pd.title')} wide>
      <h1>{t('audit.pd.title')}</h1>
      <p class="lead">{t('audit.pd.lead')}</p>
      {props.events.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('audit.pd.title')} tabIndex={0}>
          <table class="table table--log" data-table="personal-data-audit">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((e) => (
                <tr data-seq={String(e.seq)} data-kind={e.kind}>
                  <td>{formatChinaTime(e.at)}</td>
                  <td>{actorName(t, e.actor)}</td>
                  <td>{e.ip ?? '—'}</td>
                  <td>{what(e)}</td>
                  <td>
                    {e.subjectType === 'user'
                      ? t('audit.pd.subject_user', { name: props.subjectName(e) })
                      : e.subjectType === 'mailbox_case'
                        ? t('audit.pd.subject_mailbox', { code: props.subjectName(e) })
                        : t('audit.pd.subject_application', { code: props.subjectName(e) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.olderThan !== undefined && (
        <p>
          <a href={`/admin/audit/personal-data?before=${props.olderThan}`}>{t('audit.older')}</a>
        </p>
      )}
    </Layout>
  );
}
