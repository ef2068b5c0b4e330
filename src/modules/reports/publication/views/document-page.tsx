/**
 * The console page of one annual report document: its state and the actions the reader may take
 * (review steps, publish, override), the checks as they would apply if it were published today,
 * the text by section (editable while a draft), the frozen figures, and the history.
 *
 *  DocumentPage({ ctx, data, issues?, notice?, done? }) — data as document.presenter.ts presents it
 */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, FieldError, Notice } from '../../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../../platform/errors.ts';
import { pick, type Text } from '../../../../platform/i18n/i18n.ts';
import type { Transition } from '../../../publishing/index.ts';
import { StatusTag } from '../../../publishing/index.ts';
import { StatusHistory } from '../../../publishing/index.ts';
import type { DocumentPageModel } from '../document.presenter.ts';

const DONE: Record<string, string> = {
  started: 'rdoc.done.started',
  saved: 'rdoc.done.saved',
  transition: 'rdoc.done.transition',
  override: 'rdoc.done.override',
};

function TextArea(props: {
  ctx: ViewContext;
  name: string;
  label: string;
  issues: readonly ValidationIssue[];
  value?: string;
  rows?: number;
}) {
  const err = props.issues.find((i) => i.field === props.name);
  return (
    <div class={err ? 'field field--error' : 'field'}>
      <label class="field__label" for={`field-${props.name}`}>
        {props.label}
      </label>
      <FieldError ctx={props.ctx} issues={props.issues} name={props.name} />
      <textarea
        id={`field-${props.name}`}
        name={props.name.replace(/-.*$/, '')}
        rows={props.rows ?? 2}
        class="input input--long"
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={err ? `field-${props.name}-error` : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

function TransitionForm(props: { ctx: ViewContext; id: number; row: Transition; issues: readonly ValidationIssue[] }) {
  const { ctx, row, issues } = props;
  const warning = row.event === 'return' || row.event === 'withdraw';
  return (
    <form method="post" action={`/admin/report-documents/${props.id}/transition`} class="card">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="event" value={row.event} />
      {row.needs.includes('confidentiality_review') && (
        <TextArea ctx={ctx} name={`basis-${row.event}`} label={ctx.t('pub.field.basis')} issues={issues} />
      )}
      {row.needs.includes('reason') && (
        <TextArea ctx={ctx} name={`reason-${row.event}`} label={ctx.t('pub.field.reason')} issues={issues} />
      )}
      <button type="submit" class={warning ? 'button button--warning' : 'button'}>
        {ctx.t(`pub.event.${row.event}`)}
      </button>
    </form>
  );
}

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function Checks(props: { ctx: ViewContext; data: DocumentPageModel; issues: readonly ValidationIssue[] }) {
  const { ctx, data, issues } = props;
  const { t } = ctx;
  const { doc } = data;
  return (
    <Section id="checks-title" title={t('rdoc.checks')}>
      <p>{t('rdoc.deadline', { date: data.deadline })}</p>
      <p>
        {data.previous
          ? t('rdoc.previous_compared', { year: data.previous.year, date: data.previous.publishedOn ?? '—' })
          : t('rdoc.previous_none', { year: doc.reportYear - 1 })}
      </p>
      {data.findings.length === 0 ? (
        <Notice kind="success">{t('rdoc.checks_ok')}</Notice>
      ) : (
        <ul class="findings" data-findings={data.findings.length}>
          {data.findings.map((f) => (
            <li data-code={f.code} class={f.severity === 'error' ? 'finding finding--error' : 'finding'}>
              <span class={f.severity === 'error' ? 'tag tag--danger' : 'tag'}>
                {f.severity === 'error' ? '✗' : '!'}
              </span>{' '}
              {pick(ctx.locale, f.message)}
            </li>
          ))}
        </ul>
      )}
      {data.blocking > 0 && !data.override && (
        <Notice kind="warning">{t('rdoc.checks_blocked', { n: data.blocking })}</Notice>
      )}
      {data.override && (
        <Notice kind="success">
          {t('rdoc.override_note', {
            n: data.blocking,
            name: data.override.userName ?? '—',
            when: data.override.at,
            reason: data.override.reason,
          })}
        </Notice>
      )}
      {data.can.override && data.blocking > 0 && !data.override && (
        <form method="post" action={`/admin/report-documents/${doc.id}/override`} class="card">
          <CsrfField ctx={ctx} />
          <TextArea ctx={ctx} name="override_reason" label={t('rdoc.override_reason')} issues={issues} />
          <button type="submit" class="button button--warning">
            {t('rdoc.override')}
          </button>
        </form>
      )}
    </Section>
  );
}

export function DocumentPage(props: {
  ctx: ViewContext;
  data: DocumentPageModel;
  issues?: readonly ValidationIssue[];
  notice?: Text;
  done?: string;
}) {
  const { ctx, data } = props;
  const { t } = ctx;
  const { doc } = data;
  const issues = props.issues ?? [];
  const done = props.done && Object.hasOwn(DONE, props.done) ? DONE[props.done] : undefined;
  const base = `/admin/report-documents/${doc.id}`;
  return (
    <Layout ctx={ctx} title={data.title} wide>
      <h1>{data.title}</h1>
      <p>
        <StatusTag ctx={ctx} status={doc.status} /> <span class="tag">{t(`reports.template.${doc.template}`)}</span>{' '}
        <span class="tag">{t(`rdoc.scope.${doc.scope}`)}</span>{' '}
        {doc.late && <span class="tag tag--danger">{t('rdoc.late')}</span>}{' '}
        {t('rdoc.version_current', { n: data.versionNo })} · <a href={`${base}/versions`}>{t('rdoc.versions')}</a>
      </p>
      {done && <Notice kind="success">{t(done)}</Notice>}
      {props.notice && <Notice kind="warning">{pick(ctx.locale, props.notice)}</Notice>}
      <ErrorSummary ctx={ctx} issues={issues} />
      {doc.publishedOn && (
        <p>
          {t('rdoc.published_at', { date: doc.publishedOn })}
          <a href={`/reports/${doc.agencyCode}/${doc.reportYear}`}>{t('rdoc.view_public')}</a>
        </p>
      )}
      {data.publishedOverride && (
        <div class="notice notice--warning" role="note" data-auditor-note="true">
          {t('rdoc.override_note', {
            n: data.publishedOverride.findingCount,
            name: data.publishedOverride.userName ?? '—',
            when: data.publishedOverride.at,
            reason: data.publishedOverride.reason,
          })}
        </div>
      )}
      {data.transitions.length > 0 && (
        <div class="actions">
          {data.transitions.map((row) => (
            <TransitionForm ctx={ctx} id={doc.id} row={row} issues={issues} />
          ))}
        </div>
      )}
      <Checks ctx={ctx} data={data} issues={issues} />
      <Section id="sections-title" title={t('rdoc.sections')}>
        {data.sections.map((s) =>
          data.can.edit ? (
            <form method="post" action={`${base}/sections`} class="card" id={`section-${s.key}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="key" value={s.key} />
              <input type="hidden" name="base" value={String(data.versionNo)} />
              <TextArea
                ctx={ctx}
                name={`text-${s.key}`}
                label={s.heading}
                issues={issues.map((i) => (i.field === `section-${s.key}` ? { ...i, field: `text-${s.key}` } : i))}
                value={s.text}
                rows={6}
              />
              <button type="submit" class="button">
                {t('rdoc.save_section')}
              </button>
            </form>
          ) : (
            <section id={`section-${s.key}`}>
              <h3>{s.heading}</h3>
              {s.text.split('\n').map((p) => (
                <p>{p}</p>
              ))}
            </section>
          ),
        )}
        {data.can.edit && (
          <form method="post" action={`${base}/refresh`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="base" value={String(data.versionNo)} />
            <button type="submit" class="button button--secondary">
              {t('rdoc.refresh')}
            </button>
          </form>
        )}
      </Section>
      <Section id="figures-title" title={t('rdoc.figures')}>
        {/* Built by export/html.ts, which escapes every text it writes. */}
        <div class="report-figures" dangerouslySetInnerHTML={{ __html: data.tablesHtml }} />
      </Section>
      <StatusHistory ctx={ctx} title={t('rdoc.history')} rows={data.history} regionLabel={t('rdoc.history')} />
      <p>
        <a href="/admin/report-documents">{t('rdoc.back_list')}</a>
      </p>
    </Layout>
  );
}
