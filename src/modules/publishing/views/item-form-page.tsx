/**
 * The draft form of an information item.
 *
 *  ItemFormPage({ ctx, itemId?, indexNumber?, values, issues, units, linkCandidates? })
 *      — create (no `itemId`, posts to /admin/items/new) or edit a draft (posts to
 *        /admin/items/:id/edit, which saves a new version); `units` are the units the actor
 *        drafts for; `values` by field name (item-form.presenter.ts)
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import {
  ART20_ITEMS,
  catalogCategories,
  disclosureModes,
  documentKindChoices,
  nonDisclosureBases,
} from '../publishing.ts';
import type { FormValues, LinkCandidate } from '../item-form.presenter.ts';

export type { FormValues };

/** What the form's field groups share: the page, its issues and the values as typed. */
interface FieldSource {
  readonly ctx: ViewContext;
  readonly issues: readonly ValidationIssue[];
  readonly v: (name: string) => string;
}

function shown(values: FormValues) {
  return (name: string) => {
    const x = values[name];
    return x === null || x === undefined ? '' : String(x);
  };
}

/** The content fields a draft and a published correction share: topic to body. */
export function ContentFields(props: { ctx: ViewContext; values: FormValues; issues: readonly ValidationIssue[] }) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const v = shown(values);
  return (
    <>
      <TextField
        ctx={ctx}
        name="topic"
        label={t('pub.field.topic')}
        value={v('topic')}
        issues={issues}
        width="medium"
      />
      <TextField
        ctx={ctx}
        name="genre"
        label={t('pub.field.genre')}
        value={v('genre')}
        issues={issues}
        width="medium"
      />
      <TextField ctx={ctx} name="keywords" label={t('pub.field.keywords')} value={v('keywords')} issues={issues} />
      <TextField
        ctx={ctx}
        name="summary"
        label={t('pub.field.summary')}
        value={v('summary')}
        issues={issues}
        multiline
      />
      <TextField
        ctx={ctx}
        name="body_html"
        label={t('pub.field.body')}
        hint={t('pub.field.body_hint')}
        value={v('body_html')}
        issues={issues}
        multiline
      />
    </>
  );
}

/** Title to formation date: what the draft is and who answers for it. */
function IdentityFields(props: { f: FieldSource; units: readonly { id: number; name: string }[] }) {
  const { ctx, issues, v } = props.f;
  const { t } = ctx;
  return (
    <>
      <TextField ctx={ctx} name="title" label={t('pub.field.title')} value={v('title')} issues={issues} required />
      <TextField
        ctx={ctx}
        name="document_number"
        label={t('pub.field.document_number')}
        value={v('document_number')}
        issues={issues}
        width="medium"
      />
      <TextField
        ctx={ctx}
        name="issuing_agencies"
        label={t('pub.field.issuing_agencies')}
        hint={t('pub.field.issuing_agencies_hint')}
        value={v('issuing_agencies')}
        issues={issues}
      />
      <SelectField
        ctx={ctx}
        name="responsible_unit_id"
        label={t('pub.field.responsible_unit')}
        value={v('responsible_unit_id')}
        issues={issues}
        required
        options={[
          ...(props.units.length === 1 ? [] : [{ value: '', label: t('pub.choose') }]),
          ...props.units.map((u) => ({ value: String(u.id), label: u.name })),
        ]}
      />
      <TextField
        ctx={ctx}
        name="formation_date"
        label={t('pub.field.formation_date')}
        value={v('formation_date')}
        issues={issues}
        width="short"
        type="date"
        required
      />
    </>
  );
}

/** Category, kind and Art. 20 item: where the draft sits in the catalog. */
function CatalogFields(props: { f: FieldSource }) {
  const { ctx, issues, v } = props.f;
  const { t } = ctx;
  return (
    <>
      <SelectField
        ctx={ctx}
        name="catalog_category"
        label={t('pub.field.catalog_category')}
        value={v('catalog_category')}
        issues={issues}
        required
        options={[
          { value: '', label: t('pub.choose') },
          ...catalogCategories.map((c) => ({ value: c, label: t(`pub.category.${c}`) })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="document_kind"
        label={t('pub.field.document_kind')}
        hint={t('pub.field.document_kind_hint')}
        value={v('document_kind')}
        issues={issues}
        options={[
          { value: '', label: t('pub.document_kind.auto') },
          ...documentKindChoices.map((k) => ({ value: k, label: t(`pub.document_kind.${k}`) })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="art20_item"
        label={t('pub.field.art20_item')}
        value={v('art20_item')}
        issues={issues}
        options={[
          { value: '', label: t('common.none') },
          ...ART20_ITEMS.map((n) => ({
            value: String(n),
            label: `${t('pub.art20', { n })} ${t(`pub.art20_name.${n}`)}`,
          })),
        ]}
      />
    </>
  );
}

/** How it is disclosed, the document it interprets, and a deadline set by another law. */
function DisclosureFields(props: { f: FieldSource; linkCandidates: readonly LinkCandidate[] }) {
  const { ctx, issues, v } = props.f;
  const { t } = ctx;
  return (
    <>
      <SelectField
        ctx={ctx}
        name="disclosure_mode"
        label={t('pub.field.disclosure_mode')}
        value={v('disclosure_mode')}
        issues={issues}
        required
        options={disclosureModes.map((m) => ({ value: m, label: t(`pub.mode.${m}`) }))}
      />
      <SelectField
        ctx={ctx}
        name="non_disclosure_basis"
        label={t('pub.field.non_disclosure_basis')}
        value={v('non_disclosure_basis')}
        issues={issues}
        options={[
          { value: '', label: t('common.none') },
          ...nonDisclosureBases.map((b) => ({ value: b, label: t(`pub.basis.${b}`) })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="interprets_item_id"
        label={t('pub.field.interprets')}
        hint={t('pub.field.interprets_hint')}
        value={v('interprets_item_id')}
        issues={issues}
        options={[
          { value: '', label: t('common.none') },
          ...props.linkCandidates.map((c) => ({ value: String(c.id), label: c.label })),
        ]}
      />
      <TextField
        ctx={ctx}
        name="publication_limit_days"
        label={t('pub.field.publication_limit_days')}
        hint={t('pub.field.publication_limit_hint')}
        value={v('publication_limit_days')}
        issues={issues}
        width="short"
      />
      <TextField
        ctx={ctx}
        name="publication_limit_law"
        label={t('pub.field.publication_limit_law')}
        value={v('publication_limit_law')}
        issues={issues}
      />
    </>
  );
}

export function ItemFormPage(props: {
  ctx: ViewContext;
  itemId?: number;
  indexNumber?: string;
  values: FormValues;
  issues: readonly ValidationIssue[];
  units: readonly { id: number; name: string }[];
  /** Policy documents an interpretation may point at (the item itself left out). */
  linkCandidates?: readonly LinkCandidate[];
}) {
  const { ctx, values, issues, itemId } = props;
  const { t } = ctx;
  const f: FieldSource = { ctx, issues, v: shown(values) };
  const title = itemId ? `${t('pub.edit')}：${props.indexNumber ?? ''}` : t('pub.new');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={itemId ? `/admin/items/${itemId}/edit` : '/admin/items/new'} novalidate>
        <CsrfField ctx={ctx} />
        <IdentityFields f={f} units={props.units} />
        <CatalogFields f={f} />
        <DisclosureFields f={f} linkCandidates={props.linkCandidates ?? []} />
        <ContentFields ctx={ctx} values={values} issues={issues} />
        <div class="button-row">
          <button type="submit" class="button">
            {itemId ? t('action.save') : t('action.create')}
          </button>
          <a href={itemId ? `/admin/items/${itemId}` : '/admin/items'}>{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
