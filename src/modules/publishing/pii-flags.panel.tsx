// The confidentiality reviewer's panel on the console start page (/admin): public items in which
// the daily re-scan found personal data (pii-rescan.ts), oldest first, each linking to its item
// page where it is masked, overridden or withdrawn. Shown while any flag is open.
import type { Db } from '../../db/database.ts';
import { can, type Actor } from '../../platform/policy.ts';
import type { ViewContext } from '../../platform/views/context.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { openFlags, type FlagFinding, type OpenFlagRow } from './pii-rescan.ts';

const SHOWN = 20;

export async function flagsFor(db: Db, actor: Actor): Promise<OpenFlagRow[]> {
  const reach = [...(actor.reach.get('confidentiality_reviewer') ?? [])];
  return (await openFlags(db, reach)).filter((f) =>
    can(actor, 'publishing.pii_override', { agencyId: f.agency_id, unitId: f.responsible_unit_id }),
  );
}

export function PiiFlagsPanel(props: { ctx: ViewContext; flags: readonly OpenFlagRow[] }) {
  const { ctx, flags } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-pii-flags" data-panel="pii-flags">
      <h2 id="panel-pii-flags">{t('pub.rescan.title')}</h2>
      <p>
        <strong data-count="pii-flags">{t('pub.rescan.count', { count: flags.length })}</strong> {t('pub.rescan.lead')}
      </p>
      <ul>
        {flags.slice(0, SHOWN).map((f) => {
          const findings = JSON.parse(f.findings_json) as FlagFinding[];
          const kinds = [...new Set(findings.map((x) => x.kind))].join(', ');
          return (
            <li data-flag-item={f.item_id}>
              <a href={`/admin/items/${f.item_id}`}>
                {f.index_number} {f.title}
              </a>{' '}
              — {t('pub.rescan.findings', { count: f.finding_count, kinds })}（
              {t('pub.rescan.found_on', { date: f.first_found_at.slice(0, 10) })}）
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const piiFlagsPanel: DashboardPanel<OpenFlagRow[]> = {
  id: 'publishing.pii_flags',
  policy: 'publishing.pii_override',
  order: 15,
  async load(db, actor) {
    const flags = await flagsFor(db, actor);
    return flags.length ? flags : null;
  },
  render: (ctx, flags) => <PiiFlagsPanel ctx={ctx} flags={flags} />,
};
