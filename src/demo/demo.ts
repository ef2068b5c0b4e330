// Loads the demo dataset through the same services the console uses, so the demo has the
// audit trail and the validation of real work. Later capabilities add their parts here.
import type { DatabaseHandle } from '../db/connect.ts';
import { systemContext } from '../platform/audit/audit.ts';
import { organisationService } from '../modules/organisation/index.ts';
import { organisationStore } from '../modules/organisation/index.ts';
import { demoAgencies, demoLeadingGroup, demoUsers, type DemoAgency } from './demo-organisation.ts';
import { loadDemoApplications } from './demo-applications.ts';
import { loadDemoMailbox } from './demo-mailbox.ts';
import type { PersonalDataVault } from '../platform/crypto/personal-data.ts';
import { loadPublishingDemo } from './demo-publishing.ts';
import { loadReportsDemo } from './demo-reports.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { wireModules } from '../composition.ts';
import type { BlobConfig } from '../platform/files/blob-store.ts';

/** A demo agency as the agency form would enter it (its parent by code, among those written before it). */
function demoAgencyInput(a: DemoAgency, agencyIds: ReadonlyMap<string, number>) {
  return {
    code: a.code,
    name: a.name,
    short_name: a.short_name,
    level: a.level,
    kind: a.kind,
    parent_id: a.parent ? agencyIds.get(a.parent)! : null,
    credit_code: a.credit_code,
    address: a.address ?? null,
    postcode: a.postcode ?? null,
    phone: a.phone ?? null,
    fax: a.fax ?? null,
    email: a.email ?? null,
    office_hours: a.office_hours ?? null,
    website: a.website ?? null,
    website_code: a.website_code ?? null,
    icp_number: a.icp_number ?? null,
    psb_number: a.psb_number ?? null,
    index_number_template: '{creditCode}/{yyyy}-{seq:5}',
  };
}

export async function loadDemo(
  database: DatabaseHandle,
  password: string,
  /** `files`: the server's file store, for the normative documents' attachments (none without it). */
  /** `reports`: publish the annual reports (the full demo; tests that start their own leave it out). */
  options: { mustChange: boolean; vault?: PersonalDataVault; files?: BlobConfig; reports?: boolean },
): Promise<void> {
  // The demo publishes through the services, and its search index and page cache follow.
  wireModules();
  const { agencyIds, unitIds, passwordHash } = await loadDemoOrganisation(database, password, options.mustChange);
  await loadPublishingDemo(database, { files: options.files });
  // Applications need the server's personal-data keys; request tests seed without them.
  if (options.vault) {
    const applications = await loadDemoApplications(database, options.vault, agencyIds, unitIds);
    // Letters and work orders seal their writers' data too; one 2025 application goes to the mailbox.
    const petition = applications.ids.get('2025-not_processed_petition')?.id ?? null;
    await loadDemoMailbox(database, options.vault, agencyIds, unitIds, petition);
  }
  // Last: a report's figures count the applications, letters and publications above.
  if (options.reports) await loadReportsDemo(database.db, { password, passwordHash, mustChange: options.mustChange });
}

/** The demo's agencies, units, leading group and accounts (each with `password`), through the
 *  organisation services. Request tests that need the people but not the catalog seed this alone. */
export async function loadDemoOrganisation(
  database: DatabaseHandle,
  password: string,
  mustChange: boolean,
): Promise<{ agencyIds: Map<string, number>; unitIds: Map<string, number>; passwordHash: Promise<string> }> {
  const { db } = database;
  const ctx = systemContext;
  // Every demo account starts with the same password (README), so it is hashed once — with the
  // normal scrypt parameters — instead of once per account; started now, it runs on the thread
  // pool while the organisation is written. A real account always gets its own salt.
  const passwordHash = hashPassword(password);
  passwordHash.catch(() => undefined);
  const agencyIds = new Map<string, number>();
  const unitIds = new Map<string, number>();
  for (const a of demoAgencies) {
    const id = await organisationService.createAgency(db, ctx, demoAgencyInput(a, agencyIds));
    agencyIds.set(a.code, id);
    for (const [i, u] of a.units.entries()) {
      unitIds.set(`${a.code}/${u.name}`, await organisationService.createUnit(db, ctx, id, { ...u, sort_order: i }));
    }
    if (a.disclosureOffice) {
      const row = (await organisationStore.agency(db, id))!;
      await organisationService.updateAgency(db, ctx, id, {
        ...row,
        disclosure_office_unit_id: unitIds.get(`${a.code}/${a.disclosureOffice}`)!,
      });
    }
  }
  const hrss = agencyIds.get('yueyang-hrss')!;
  for (const m of demoLeadingGroup) {
    await organisationService.addLeadingGroupMember(db, ctx, hrss, { ...m, to_date: m.to_date ?? null });
  }
  for (const u of demoUsers) {
    const agencyId = agencyIds.get(u.agency)!;
    const unitId = u.unit ? unitIds.get(`${u.agency}/${u.unit}`)! : null;
    const created = await organisationService.createUser(
      db,
      ctx,
      {
        username: u.username,
        display_name: u.display_name,
        job_title: u.job_title,
        agency_id: agencyId,
        unit_id: unitId,
      },
      password,
      { mustChangePassword: mustChange, passwordHash },
    );
    await organisationService.assignRole(
      db,
      ctx,
      created.id,
      u.role,
      agencyId,
      u.role === 'drafter' || u.role === 'unit_head' ? unitId : null,
    );
  }
  return { agencyIds, unitIds, passwordHash };
}
