/**
 * The power catalog and service guides in the console.
 *
 *  PowerListPage({ ctx, items, canCreate, done? })        — every power with its type, unit and
 *                                                            the state of its carrying item
 *  GuideListPage({ ctx, guides, canCreate, done? })       — the service guides (workflows)
 *  CatalogFormPage({ ctx, kind, id?, values, issues, units, powers?, correct? })
 *                                                          — create or edit a power ('power') or a
 *                                                            guide ('guide'); posts to …/new or …/:id/edit;
 *                                                            with `correct`, the published correction
 *                                                            (change note; unit and date stay) to …/:id/correct
 */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { powerTypes } from '../power-catalog.ts';
import type { GuideListEntry, PowerListEntry } from '../catalog.presenter.ts';

function Table(props: { ctx: ViewContext; caption: string; head: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.ctx.t('common.table_region')} tabIndex={0}>
      <table class="table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

function Tabs(props: { ctx: ViewContext; current: 'power' | 'guide' }) {
  const { t } = props.ctx;
  return (
    <p>
      {props.current === 'power' ? (
        <strong>{t('power.title')}</strong>
      ) : (
        <a href="/admin/power-catalog">{t('power.title')}</a>
      )}
      {' · '}
      {props.current === 'guide' ? (
        <strong>{t('guide.title')}</strong>
      ) : (
        <a href="/admin/service-guides">{t('guide.title')}</a>
      )}
    </p>
  );
}

export function PowerListPage(props: {
  ctx: ViewContext;
  items: readonly PowerListEntry[];
  canCreate: boolean;
  canCorrect?: boolean;
  done?: string;
}) {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('power.title')} wide>
      <h1>{t('power.title')}</h1>
      <p class="lead">{t('power.lead')}</p>
      <Tabs ctx={ctx} current="power" />
      {props.done && <Notice kind="success">{t('common.saved')}</Notice>}
      {props.canCreate && (
        <p>
          <a class="button" href="/admin/power-catalog/new">
            {t('power.new')}
          </a>
        </p>
      )}
      <p>{t('power.count', { count: items.length })}</p>
      <Table
        ctx={ctx}
        caption={t('power.title')}
        head={[
          t('power.field.code'),
          t('power.field.name'),
          t('power.field.power_type'),
          t('power.field.responsible_unit'),
          t('power.field.status'),
          t('common.actions'),
        ]}
      >
        {items.map((p) => (
          <tr>
            <td>
              <code>{p.code}</code>
            </td>
            <td>{p.name}</td>
            <td>{t(`power.type.${p.powerType}`)}</td>
            <td>{p.unitName}</td>
            <td>
              <a href={`/admin/items/${p.itemId}`}>{t(`pub.status.${p.status}`)}</a>
              {p.publicationDate ? ` ${p.publicationDate}` : ''}
            </td>
            <td>
              {p.status === 'draft' && props.canCreate ? (
                <a href={`/admin/power-catalog/${p.id}/edit`}>{t('action.edit')}</a>
              ) : p.status === 'published' && props.canCorrect ? (
                <a href={`/admin/power-catalog/${p.id}/correct`}>{t('pub.event.correct')}</a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </Table>
    </Layout>
  );
}

export function GuideListPage(props: {
  ctx: ViewContext;
  guides: readonly GuideListEntry[];
  canCreate: boolean;
  canCorrect?: boolean;
  done?: string;
}) {
  const { ctx, guides } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('guide.title')} wide>
      <h1>{t('guide.title')}</h1>
      <p class="lead">{t('power.lead')}</p>
      <Tabs ctx={ctx} current="guide" />
      {props.done && <Notice kind="success">{t('common.saved')}</Notice>}
      {props.canCreate && (
        <p>
          <a class="button" href="/admin/service-guides/new">
            {t('guide.new')}
          </a>
        </p>
      )}
      <p>{t('power.count', { count: guides.length })}</p>
      <Table
        ctx={ctx}
        caption={t('guide.title')}
        head={[
          t('guide.field.name'),
          t('guide.field.time_limit'),
          t('guide.field.responsible_unit'),
          t('power.field.status'),
          t('common.actions'),
        ]}
      >
        {guides.map((g) => (
          <tr>
            <td>{g.name}</td>
            <td>{g.timeLimit}</td>
            <td>{g.unitName}</td>
            <td>
              <a href={`/admin/items/${g.itemId}`}>{t(`pub.status.${g.status}`)}</a>
              {g.publicationDate ? ` ${g.publicationDate}` : ''}
            </td>
            <td>
              {g.status === 'draft' && props.canCreate ? (
                <a href={`/admin/service-guides/${g.id}/edit`}>{t('action.edit')}</a>
              ) : g.status === 'published' && props.canCorrect ? (
                <a href={`/admin/service-guides/${g.id}/correct`}>{t('pub.event.correct')}</a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </Table>
    </Layout>
  );
}

export type CatalogFormValues = Record<string, string | number | null | undefined>;

/** What the form's field helpers share: the page, its issues and the values as typed. */
interface FieldSource {
  readonly ctx: ViewContext;
  readonly issues: readonly ValidationIssue[];
  readonly v: (name: string) => string;
}

type TextOptions = { multiline?: boolean; width?: 'short' | 'medium' | 'long'; type?: string; required?: boolean };

function textField(f: FieldSource, name: string, label: string, extra: TextOptions = {}) {
  return (
    <TextField
      ctx={f.ctx}
      name={name}
      label={label}
      value={f.v(name)}
      issues={f.issues}
      required={extra.required ?? true}
      multiline={extra.multiline}
      width={extra.width}
      type={extra.type}
    />
  );
}

/** The fields of a power item (权力事项): code, name, type and legal basis. */
function PowerItemFields(props: { f: FieldSource }) {
  const { f } = props;
  const { t } = f.ctx;
  return (
    <>
      {textField(f, 'code', t('power.field.code'), { width: 'short' })}
      {textField(f, 'name', t('power.field.name'))}
      <SelectField
        ctx={f.ctx}
        name="power_type"
        label={t('power.field.power_type')}
        value={f.v('power_type')}
        issues={f.issues}
        required
        options={[
          { value: '', label: t('pub.choose') },
          ...powerTypes.map((p) => ({ value: p, label: t(`power.type.${p}`) })),
        ]}
      />
      {textField(f, 'legal_basis', t('power.field.legal_basis'), { multiline: true })}
    </>
  );
}

/** The fields of a service guide (办事指南), optionally tied to the power item it serves. */
function ServiceGuideFields(props: { f: FieldSource; powers: readonly { id: number; code: string; name: string }[] }) {
  const { f } = props;
  const { t } = f.ctx;
  return (
    <>
      {textField(f, 'name', t('guide.field.name'))}
      <SelectField
        ctx={f.ctx}
        name="power_item_id"
        label={t('guide.field.power_item')}
        value={f.v('power_item_id')}
        issues={f.issues}
        options={[
          { value: '', label: t('common.none') },
          ...props.powers.map((p) => ({ value: String(p.id), label: `${p.code} ${p.name}` })),
        ]}
      />
      {textField(f, 'conditions', t('guide.field.conditions'), { multiline: true })}
      {textField(f, 'materials', t('guide.field.materials'), { multiline: true })}
      {textField(f, 'steps', t('guide.field.steps'), { multiline: true })}
      {textField(f, 'time_limit', t('guide.field.time_limit'), { width: 'medium' })}
      {textField(f, 'fees', t('guide.field.fees'), { width: 'medium' })}
      {textField(f, 'place', t('guide.field.place'))}
      {textField(f, 'hours', t('guide.field.hours'), { width: 'medium' })}
      {textField(f, 'phone', t('guide.field.phone'), { width: 'short' })}
    </>
  );
}

export function CatalogFormPage(props: {
  ctx: ViewContext;
  kind: 'power' | 'guide';
  id?: number;
  values: CatalogFormValues;
  issues: readonly ValidationIssue[];
  units: readonly { id: number; name: string }[];
  powers?: readonly { id: number; code: string; name: string }[];
  /** A published correction: a change note, no unit or date. */
  correct?: boolean;
}) {
  const { ctx, values, issues, id, kind, correct } = props;
  const { t } = ctx;
  const v = (name: string) => (values[name] === null || values[name] === undefined ? '' : String(values[name]));
  const f: FieldSource = { ctx, issues, v };
  const base = kind === 'power' ? '/admin/power-catalog' : '/admin/service-guides';
  const title = correct
    ? t('power.correct_title', { name: v('name') })
    : kind === 'power'
      ? t(id ? 'power.edit' : 'power.new')
      : t(id ? 'guide.edit' : 'guide.new');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} issues={issues} />
      {correct && <p class="lead">{t('pub.correct.intro')}</p>}
      <form method="post" action={id ? `${base}/${id}/${correct ? 'correct' : 'edit'}` : `${base}/new`} novalidate>
        <CsrfField ctx={ctx} />
        {correct && textField(f, 'change_note', t('pub.field.change_note'), { multiline: true })}
        {kind === 'power' ? <PowerItemFields f={f} /> : <ServiceGuideFields f={f} powers={props.powers ?? []} />}
        {!correct && (
          <SelectField
            ctx={ctx}
            name="responsible_unit_id"
            label={t('power.field.responsible_unit')}
            value={v('responsible_unit_id')}
            issues={issues}
            required
            options={[
              ...(props.units.length === 1 ? [] : [{ value: '', label: t('pub.choose') }]),
              ...props.units.map((u) => ({ value: String(u.id), label: u.name })),
            ]}
          />
        )}
        {!correct && textField(f, 'formation_date', t('power.field.formation_date'), { width: 'short', type: 'date' })}
        <div class="button-row">
          <button type="submit" class={correct ? 'button button--warning' : 'button'}>
            {correct ? t('pub.correct.submit') : t('action.save')}
          </button>
          <a href={base}>{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
