/**
 * Agency pages of the organisation console.
 *
 *  AgencyListPage({ ctx, tree, canCreate, done? })
 *      — the agencies within the actor's reach as an indented tree (nested lists), each with its
 *        level, kind and short code, linking to its page
 *  AgencyFormPage({ ctx, agency?, values, issues, parentOptions, parentEmpty?, officeOptions? })
 *      — create (no `agency`) or edit; `parentEmpty` labels an empty parent choice (edit of a
 *        top-level agency); `officeOptions` (edit only) are the agency's units for the disclosure office
 *  AgencyPage({ ctx, agency, parentName?, parentLink?, officeName?, units, members, today, can, issues?, endValues?, done? })
 *      — every field in a summary list, the units table, the leading group (current members with an
 *        "end membership" form each, past members with their dates) and a link to the agency's users;
 *        `can` says which actions to offer: { manage, manageUnits, manageLeadingGroup, readUsers }
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TableWrap, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { AgencyDetails, AgencyTreeItem, OrgRef, UnitItem } from '../agency.presenter.ts';
import type { LeadingGroupView } from '../leading-group.presenter.ts';
import { agencyKinds, agencyLevels } from '../organisation.ts';
import { shown, type Option, type ShownValues } from '../route-support.ts';
import { DoneNotice, SummaryRow } from './org-components.tsx';
import { LeadingGroupSection } from './leading-group-pages.tsx';

function AgencyTree(props: { ctx: ViewContext; nodes: readonly AgencyTreeItem[]; nested?: boolean }) {
  const { t } = props.ctx;
  return (
    <ul class={props.nested ? 'agency-tree agency-tree--nested' : 'agency-tree'}>
      {props.nodes.map((n) => (
        <li class="agency-tree__item">
          <a href={`/admin/agencies/${n.id}`}>{n.name}</a> <span class="tag">{t(`org.level.${n.level}`)}</span>
          <span class="tag">{t(`org.kind.${n.kind}`)}</span> <code>{n.code}</code>
          {n.children.length > 0 && <AgencyTree ctx={props.ctx} nodes={n.children} nested />}
        </li>
      ))}
    </ul>
  );
}

export function AgencyListPage(props: {
  ctx: ViewContext;
  tree: readonly AgencyTreeItem[];
  canCreate: boolean;
  done?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('org.agencies.title')} wide>
      <h1>{t('org.agencies.title')}</h1>
      <DoneNotice ctx={ctx} done={props.done} />
      <p class="lead">{t('org.agencies.intro')}</p>
      {props.canCreate && (
        <p>
          <a class="button" href="/admin/agencies/new">
            {t('org.agency.new')}
          </a>
        </p>
      )}
      {props.tree.length === 0 ? <p>{t('org.agencies.empty')}</p> : <AgencyTree ctx={ctx} nodes={props.tree} />}
    </Layout>
  );
}

export function AgencyFormPage(props: {
  ctx: ViewContext;
  agency?: OrgRef;
  values: ShownValues;
  issues: readonly ValidationIssue[];
  parentOptions: readonly Option[];
  parentEmpty?: string;
  officeOptions?: readonly Option[];
}) {
  const { ctx, values, issues, agency } = props;
  const { t } = ctx;
  const title = agency ? t('org.titled', { action: t('org.agency.edit'), name: agency.name }) : t('org.agency.new');
  const v = (name: string) => shown(values, name);
  const choose = { value: '', label: t('org.choose') };
  const parentOptions = [{ value: '', label: props.parentEmpty ?? t('org.choose') }, ...props.parentOptions];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={agency ? `/admin/agencies/${agency.id}` : '/admin/agencies'} novalidate>
        <CsrfField ctx={ctx} />
        <AgencyIdentityFields
          ctx={ctx}
          values={values}
          issues={issues}
          parentOptions={parentOptions}
          parentRequired={props.parentEmpty === undefined}
        />
        <AgencyContactFields ctx={ctx} values={values} issues={issues} />
        <AgencySiteFields ctx={ctx} values={values} issues={issues} />
        {props.officeOptions && (
          <SelectField
            ctx={ctx}
            name="disclosure_office_unit_id"
            label={t('org.field.disclosure_office')}
            hint={t('org.agency.office_hint')}
            value={v('disclosure_office_unit_id')}
            issues={issues}
            options={[{ value: '', label: t('org.agency.office_none') }, ...props.officeOptions]}
          />
        )}
        <TextField
          ctx={ctx}
          name="index_number_template"
          label={t('org.field.index_template')}
          hint={t('org.field.index_template_hint')}
          value={v('index_number_template')}
          issues={issues}
          width="medium"
        />
        <div class="button-row">
          <button type="submit" class="button">
            {agency ? t('action.save') : t('action.create')}
          </button>
          <a href={agency ? `/admin/agencies/${agency.id}` : '/admin/agencies'}>{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export interface AgencyAbilities {
  readonly manage: boolean;
  readonly manageUnits: boolean;
  readonly manageLeadingGroup: boolean;
  readonly readUsers: boolean;
}

export function AgencyPage(props: {
  ctx: ViewContext;
  agency: AgencyDetails;
  parentName?: string;
  /** The parent is within the actor's reach: its name links to its page. */
  parentLink?: boolean;
  officeName?: string;
  units: readonly UnitItem[];
  members: LeadingGroupView;
  today: string;
  can: AgencyAbilities;
  issues?: readonly ValidationIssue[];
  endValues?: Readonly<Record<number, string>>;
  done?: string;
}) {
  const { ctx, agency: a, can } = props;
  const { t } = ctx;
  const issues = props.issues ?? [];
  return (
    <Layout ctx={ctx} title={a.name} wide>
      <h1>{a.name}</h1>
      <DoneNotice ctx={ctx} done={props.done} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <div class="button-row">
        {can.manage && (
          <a class="button button--secondary" href={`/admin/agencies/${a.id}/edit`}>
            {t('org.agency.edit')}
          </a>
        )}
        {can.manage && <a href={`/admin/agencies/new?parent=${a.id}`}>{t('org.agency.new_child')}</a>}
        {can.manage && <a href={`/admin/agencies/${a.id}/notice-settings`}>{t('notice_settings.link')}</a>}
        {can.readUsers && <a href={`/admin/users?agency=${a.id}`}>{t('org.agency.users_link')}</a>}
      </div>
      <AgencyDetailsList
        ctx={ctx}
        agency={a}
        parentName={props.parentName}
        parentLink={props.parentLink}
        officeName={props.officeName}
      />

      <AgencyUnits ctx={ctx} agencyId={a.id} units={props.units} canManage={can.manageUnits} />

      <h2 id="leading-group">{t('org.leading_group')}</h2>
      {can.manageLeadingGroup && (
        <p>
          <a class="button button--secondary" href={`/admin/agencies/${a.id}/leading-group/new`}>
            {t('org.lg.add')}
          </a>
        </p>
      )}
      <LeadingGroupSection
        ctx={ctx}
        members={props.members}
        today={props.today}
        canManage={can.manageLeadingGroup}
        issues={issues}
        endValues={props.endValues}
      />
    </Layout>
  );
}

/** The agency form's identity fields: names, code, level, kind and parent. */
function AgencyIdentityFields(props: {
  ctx: ViewContext;
  values: ShownValues;
  issues: readonly ValidationIssue[];
  parentOptions: readonly Option[];
  parentRequired: boolean;
}) {
  const { ctx, values, issues, parentOptions } = props;
  const { t } = ctx;
  const v = (name: string) => shown(values, name);
  const choose = { value: '', label: t('org.choose') };
  return (
    <>
      <TextField ctx={ctx} name="name" label={t('org.field.name')} value={v('name')} issues={issues} required />
      <TextField
        ctx={ctx}
        name="short_name"
        label={t('org.field.short_name')}
        value={v('short_name')}
        issues={issues}
        width="medium"
      />
      <TextField
        ctx={ctx}
        name="code"
        label={t('org.field.code')}
        hint={t('org.field.code_hint')}
        value={v('code')}
        issues={issues}
        width="medium"
        required
      />
      <SelectField
        ctx={ctx}
        name="level"
        label={t('org.field.level')}
        value={v('level')}
        issues={issues}
        required
        options={[choose, ...agencyLevels.map((l) => ({ value: l, label: t(`org.level.${l}`) }))]}
      />
      <SelectField
        ctx={ctx}
        name="kind"
        label={t('org.field.kind')}
        value={v('kind')}
        issues={issues}
        required
        options={[choose, ...agencyKinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))]}
      />
      <SelectField
        ctx={ctx}
        name="parent_id"
        label={t('org.field.parent')}
        hint={t('org.agency.parent_hint')}
        value={v('parent_id')}
        issues={issues}
        required={props.parentRequired}
        options={parentOptions}
      />
    </>
  );
}

/** The public site's footer numbers, entered on the profile of the agency that runs the site. */
function AgencySiteFields(props: { ctx: ViewContext; values: ShownValues; issues: readonly ValidationIssue[] }) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => shown(values, name);
  return (
    <>
      <TextField
        ctx={ctx}
        name="website_code"
        label={t('org.field.website_code')}
        value={v('website_code')}
        issues={issues}
        width="medium"
      />
      <TextField
        ctx={ctx}
        name="icp_number"
        label={t('org.field.icp_number')}
        value={v('icp_number')}
        issues={issues}
        width="medium"
      />
      <TextField
        ctx={ctx}
        name="psb_number"
        label={t('org.field.psb_number')}
        value={v('psb_number')}
        issues={issues}
        width="medium"
      />
    </>
  );
}

/** The agency form's register and contact fields, as the annual report and the portal show them. */
function AgencyContactFields(props: { ctx: ViewContext; values: ShownValues; issues: readonly ValidationIssue[] }) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => shown(values, name);
  return (
    <>
      <TextField
        ctx={ctx}
        name="credit_code"
        label={t('org.field.credit_code')}
        hint={t('org.field.credit_code_hint')}
        value={v('credit_code')}
        issues={issues}
        width="medium"
      />
      <TextField ctx={ctx} name="address" label={t('org.field.address')} value={v('address')} issues={issues} />
      <TextField
        ctx={ctx}
        name="postcode"
        label={t('org.field.postcode')}
        value={v('postcode')}
        issues={issues}
        width="short"
      />
      <TextField
        ctx={ctx}
        name="phone"
        label={t('org.field.phone')}
        value={v('phone')}
        issues={issues}
        width="medium"
        type="tel"
      />
      <TextField
        ctx={ctx}
        name="fax"
        label={t('org.field.fax')}
        value={v('fax')}
        issues={issues}
        width="medium"
        type="tel"
      />
      <TextField
        ctx={ctx}
        name="email"
        label={t('org.field.email')}
        value={v('email')}
        issues={issues}
        width="medium"
        type="email"
      />
      <TextField ctx={ctx} name="website" label={t('org.field.website')} value={v('website')} issues={issues} />
      <TextField
        ctx={ctx}
        name="office_hours"
        label={t('org.field.office_hours')}
        value={v('office_hours')}
        issues={issues}
      />
    </>
  );
}

/** The agency's register details; the parent links to its page where the actor can reach it. */
function AgencyDetailsList(props: {
  ctx: ViewContext;
  agency: AgencyDetails;
  parentName?: string;
  parentLink?: boolean;
  officeName?: string;
}) {
  const { agency: a } = props;
  const { t } = props.ctx;
  return (
    <>
      <h2>{t('org.agency.details')}</h2>
      <dl class="summary-list">
        <SummaryRow label={t('org.field.name')} value={a.name} />
        <SummaryRow label={t('org.field.short_name')} value={a.shortName} />
        <SummaryRow label={t('org.field.code')} value={<code>{a.code}</code>} />
        <SummaryRow label={t('org.field.level')} value={t(`org.level.${a.level}`)} />
        <SummaryRow label={t('org.field.kind')} value={t(`org.kind.${a.kind}`)} />
        <SummaryRow
          label={t('org.field.parent')}
          value={
            a.parentId === null ? (
              t('org.agency.parent_none')
            ) : props.parentLink ? (
              <a href={`/admin/agencies/${a.parentId}`}>{props.parentName}</a>
            ) : (
              props.parentName
            )
          }
        />
        <SummaryRow label={t('org.field.credit_code')} value={a.creditCode} />
        <SummaryRow label={t('org.field.address')} value={a.address} />
        <SummaryRow label={t('org.field.postcode')} value={a.postcode} />
        <SummaryRow label={t('org.field.phone')} value={a.phone} />
        <SummaryRow label={t('org.field.fax')} value={a.fax} />
        <SummaryRow label={t('org.field.email')} value={a.email} />
        <SummaryRow label={t('org.field.website')} value={a.website} />
        <SummaryRow label={t('org.field.website_code')} value={a.websiteCode} />
        <SummaryRow label={t('org.field.icp_number')} value={a.icpNumber} />
        <SummaryRow label={t('org.field.psb_number')} value={a.psbNumber} />
        <SummaryRow label={t('org.field.office_hours')} value={a.officeHours} />
        <SummaryRow label={t('org.field.disclosure_office')} value={props.officeName ?? t('org.agency.office_none')} />
        <SummaryRow label={t('org.field.index_template')} value={<code>{a.indexNumberTemplate}</code>} />
      </dl>
    </>
  );
}

/** The agency's internal units, with the link to add one and to edit each for those who manage units. */
function AgencyUnits(props: { ctx: ViewContext; agencyId: number; units: readonly UnitItem[]; canManage: boolean }) {
  const { ctx, agencyId } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="units">{t('org.units')}</h2>
      {props.canManage && (
        <p>
          <a class="button button--secondary" href={`/admin/agencies/${agencyId}/units/new`}>
            {t('org.unit.new')}
          </a>
        </p>
      )}
      {props.units.length === 0 ? (
        <p>{t('org.units.empty')}</p>
      ) : (
        <TableWrap ctx={ctx}>
          <table class="table">
            <caption class="visually-hidden">{t('org.units')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.field.name')}</th>
                <th scope="col">{t('org.field.unit_kind')}</th>
                <th scope="col">{t('org.field.active')}</th>
                <th scope="col">{t('org.field.duties')}</th>
                {props.canManage && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {props.units.map((u) => (
                <tr>
                  <td>
                    {u.name}
                    {u.disclosureOffice && (
                      <>
                        {' '}
                        <span class="tag">{t('org.unit.disclosure_office')}</span>
                      </>
                    )}
                  </td>
                  <td>{t(`org.unit_kind.${u.kind}`)}</td>
                  <td>
                    {u.active ? t('org.unit.active') : <span class="tag tag--danger">{t('org.unit.inactive')}</span>}
                  </td>
                  <td>{u.duties ?? ''}</td>
                  {props.canManage && (
                    <td>
                      <a href={`/admin/units/${u.id}/edit`}>
                        {t('action.edit')}
                        <span class="visually-hidden"> {u.name}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
