// Operations on disclosure applications. Each runs in one transaction (mutate) that writes the
// change, the case's events and the audit event together; every change of the clock recomputes
// the stored due date through deadline.ts on the official calendar. Personal data is encrypted
// by the vault before it reaches the database, and never written into events or the audit log.
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate, type Audit } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { readForm } from '../../platform/form.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { spendChallenge } from '../../platform/pow.ts';
import { getCalendar } from '../calendar/index.ts';
import { DeadlineInputError, rulesFor, type DeadlineResult } from './deadline.ts';
import {
  counterSpec,
  fieldIssue,
  parseApplicant,
  receiptDateIssues,
  receiptField,
  receivedOnFor,
  PUBLIC_EVENT_KINDS,
  type ApplicantInput,
  type Channel,
} from './applications.ts';
import { applicationsStore as store } from './applications.store.ts';
import { clockEventsOf, clockIssue, deadlineOf, storedClock } from './applications.clock.ts';
import { clockEventIssues, parseEvent } from './applications.events.ts';
import { newTrackingCode } from './tracking.ts';
import { applicantIdentity, detectDuplicates, type DuplicateReport } from './duplicates.ts';
import { applicantKeyHash, newApplicantKey } from './applicant-key.ts';
import { attachmentIssues, insertAttachments, type AttachmentInput } from './attachments.ts';
import { quoteFeeNotice } from './fee-notice.ts';
import type { ApplicationRow, OpenedApplication } from './applications.table.ts';
import { currentTemplate, templateUse } from './notices/templates.service.ts';
import { noticeKindOfEvent, templateKeyForEvent } from './notices/notices.ts';
import { allocateNoticeNumber } from './notices/notice-settings.ts';
import { replyOperations, type Recorded } from './reply.service.ts';
import { answerNotifier } from './answer.service.ts';

export type { Recorded } from './reply.service.ts';

export interface PersonalData {
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly email: string | null;
}

/** The mailbox letter or 12345 work order an application was converted from (Art. 29), named in
 *  its receipt event so the case says where it came from. */
export interface ConvertedFrom {
  readonly source: 'letter' | 'hotline';
  readonly caseId: number;
  /** The letter's tracking code or the centre's order number. */
  readonly reference: string;
}

/** A stored application: its id, the tracking code and the applicant's correction key (shown
 *  once; only its keyed hash is stored). */
export interface Created {
  readonly id: number;
  readonly trackingCode: string;
  readonly applicantKey: string;
}

/** `publicUrl`: the portal's configured address; when given, the applicant is told by e-mail and SMS
 *  that the case is answered, with the tracking page's address (answer.service.ts). */
export function createApplicationsService(vault: PersonalDataVault, options: { publicUrl?: string } = {}) {
  async function insertApplication(
    trx: Tx,
    audit: Audit,
    ctx: AuditContext,
    input: ApplicantInput,
    meta: {
      agencyId: number;
      channel: Channel;
      receivedOn: string;
      assignedUnitId: number | null;
      action: string;
      attachments?: readonly AttachmentInput[];
      from?: ConvertedFrom;
    },
  ): Promise<Created> {
    const at = nowIso();
    const trackingCode = newTrackingCode();
    const applicantKey = newApplicantKey();
    const rules = rulesFor(meta.receivedOn);
    const calendar = await getCalendar(trx);
    const clock = storedClock(deadlineOf({ received_on: meta.receivedOn, rules }, [], calendar), []);
    const id = await store.insert(trx, {
      agency_id: meta.agencyId,
      tracking_code: trackingCode,
      channel: meta.channel,
      applicant_kind: input.applicantKind,
      applicant_name_enc: vault.encrypt(input.applicantName),
      applicant_name_index: vault.nameIndex(input.applicantName),
      id_number_enc: vault.seal(input.idNumber),
      id_number_index: input.idNumber ? vault.blindIndex(input.idNumber) : null,
      phone_enc: vault.seal(input.phone),
      address_enc: vault.seal(input.address),
      email_enc: vault.seal(input.email),
      organisation_credit_code: input.creditCode,
      contact_person_enc: vault.seal(input.contactPerson),
      description: input.description,
      document_number_hint: input.documentNumberHint,
      form_wanted: input.formWanted,
      delivery_way: input.deliveryWay,
      received_on: meta.receivedOn,
      rules,
      ...clock,
      outcome: null,
      outcome_on: null,
      reply_summary: null,
      assigned_unit_id: meta.assignedUnitId,
      created_by: ctx.actorUserId,
      created_at: at,
      updated_at: at,
      applicant_key_hash: applicantKeyHash(vault, trackingCode, applicantKey),
    });
    const attached = await insertAttachments(trx, vault, id, meta.attachments ?? [], ctx.actorUserId, at);
    await store.addEvent(trx, {
      application_id: id,
      kind: 'received',
      occurred_on: meta.receivedOn,
      detail: { channel: meta.channel, article: '2019 条例第31条', ...(meta.from ? { convertedFrom: meta.from } : {}) },
      public: true,
      actor_user_id: ctx.actorUserId,
      created_at: at,
    });
    // No personal data in the audit log: the case is identified by its id and tracking code.
    await audit({
      action: meta.action,
      subjectType: 'application',
      subjectId: id,
      after: {
        trackingCode,
        channel: meta.channel,
        applicantKind: input.applicantKind,
        receivedOn: meta.receivedOn,
        dueDate: clock.due_date,
        attachments: attached,
        ...(meta.from ? { convertedFrom: meta.from } : {}),
      },
    });
    return { id, trackingCode, applicantKey };
  }

  /** Decrypts without auditing: only for masking on screen. */
  function personalData(app: ApplicationRow): PersonalData {
    return {
      idNumber: vault.open(app.id_number_enc),
      phone: vault.open(app.phone_enc),
      address: vault.open(app.address_enc),
      email: vault.open(app.email_enc),
    };
  }

  /** The applicant's name, decrypted; shown in full on the case page and in lists, as it was
   *  before names were encrypted (only the identity number and contact details are masked). */
  function applicantName(row: Pick<ApplicationRow, 'applicant_name_enc' | 'applicant_name_clear'>): string {
    return vault.open(row.applicant_name_enc) ?? row.applicant_name_clear ?? '';
  }

  /** The organisation's contact person, decrypted; shown in full beside the name, as before. */
  function contactPerson(row: Pick<ApplicationRow, 'contact_person_enc' | 'contact_person_clear'>): string | null {
    return vault.open(row.contact_person_enc) ?? row.contact_person_clear;
  }

  function opened(row: ApplicationRow): OpenedApplication {
    return { ...row, applicant_name: applicantName(row), contact_person: contactPerson(row) };
  }

  /** Every identity the case's applicant may have been recorded under by the duplicate detector:
   *  their identity number's and name's blind index under each configured key (duplicates.ts), so
   *  a repeat applicant is found across a key rotation. Decrypts in memory; shows nothing. */
  function identities(row: ApplicationRow): string[] {
    const ids = row.id_number_enc ? vault.blindIndexes(vault.decrypt(row.id_number_enc)) : [];
    const names = vault.nameIndexes(applicantName(row));
    return names.map((name, i) =>
      applicantIdentity({ ...row, id_number_index: ids[i] ?? row.id_number_index, applicant_name_index: name }),
    );
  }

  async function load(db: Db | Tx, id: number): Promise<ApplicationRow> {
    const app = await store.byId(db, id);
    if (!app) throw new NotFoundError();
    return app;
  }

  return {
    /** The public form. The receipt is confirmed on the spot by the receipt page, so the date of
     *  receipt is today (Art. 31: internet applications — the day both sides confirm). `spend` is
     *  the verified proof-of-work challenge, marked used in the same transaction. */
    async submitOnline(
      db: Db,
      ctx: AuditContext,
      body: unknown,
      options: { spend?: { hash: string; expiresAt: string }; attachments?: readonly AttachmentInput[] } = {},
    ): Promise<Created> {
      const { input, issues } = parseApplicant(body);
      const agencyRaw = (body as Record<string, unknown> | undefined)?.agency_id;
      const agencyId = Number(agencyRaw);
      const agency = Number.isInteger(agencyId) && agencyId > 0 ? await store.agency(db, agencyId) : undefined;
      if (!agency) issues.unshift(fieldIssue('agency_id', 'field.invalid_choice', 'applications.field.agency'));
      issues.push(...attachmentIssues(options.attachments ?? []));
      if (issues.length || !input) throw new ValidationError(issues);
      return mutate(db, ctx, async (trx, audit) => {
        if (options.spend && !(await spendChallenge(trx, options.spend)))
          throw new ValidationError([issue('pow_answer', 'applications.error.pow_spent')]);
        return insertApplication(trx, audit, ctx, input, {
          agencyId: agency!.id,
          channel: 'online',
          receivedOn: todayInChina(),
          assignedUnitId: null,
          action: 'application.submit',
          ...(options.attachments ? { attachments: options.attachments } : {}),
        });
      });
    },

    /** Counter staff register an application that came in person, by post, fax or e-mail, with
     *  the dates Art. 31 needs for its channel. */
    async registerAtCounter(
      db: Db,
      ctx: AuditContext,
      agencyId: number,
      body: unknown,
      attachments: readonly AttachmentInput[] = [],
    ): Promise<Created> {
      const { input, issues } = parseApplicant(body);
      const { values, issues: more } = readForm(counterSpec, body);
      const extra = more.filter((i) =>
        ['channel', 'submitted_on', 'signed_on', 'confirmed_on', 'assigned_unit_id'].includes(i.field),
      );
      issues.push(...extra);
      const channel = values.channel as Channel | null;
      let receivedOn: string | null = null;
      if (channel && !extra.length) {
        const field = receiptField(channel);
        const date = values[field];
        if (!date)
          issues.push(fieldIssue(field, 'applications.error.receipt_date_required', `applications.field.${field}`));
        else {
          const dateIssues = receiptDateIssues(field, date, todayInChina());
          issues.push(...dateIssues);
          if (!dateIssues.length)
            receivedOn = receivedOnFor(channel, {
              submittedOn: values.submitted_on,
              signedOn: values.signed_on,
              confirmedOn: values.confirmed_on,
            });
        }
      }
      let unitId: number | null = null;
      if (values.assigned_unit_id !== null) {
        const unit = await store.unit(db, values.assigned_unit_id);
        if (!unit || unit.agency_id !== agencyId)
          issues.push(issue('assigned_unit_id', 'applications.error.unit_not_in_agency'));
        else unitId = unit.id;
      }
      issues.push(...attachmentIssues(attachments));
      if (issues.length || !input || !receivedOn) throw new ValidationError(issues);
      return mutate(db, ctx, async (trx, audit) => {
        const created = await insertApplication(trx, audit, ctx, input, {
          agencyId,
          channel: channel!,
          receivedOn: receivedOn!,
          assignedUnitId: unitId,
          action: 'application.register',
          attachments,
        });
        if (unitId !== null) {
          await store.addEvent(trx, {
            application_id: created.id,
            kind: 'assigned',
            occurred_on: receivedOn!,
            detail: { unitId },
            public: false,
            actor_user_id: ctx.actorUserId,
            created_at: nowIso(),
          });
        }
        return created;
      });
    },

    /**
     * A mayor's-mailbox letter or a 12345 work order that asks for government information, registered
     * as the application it is (Art. 29: “采用包括信件、数据电文在内的书面形式”;
     * docs/domain/mailbox-and-hotline.md#letters-and-applications). Both reached the agency as data
     * messages, so the channel is `online`, and the date of receipt is the day the mailbox received
     * it, which the portal confirmed on the spot (Art. 31, docs/domain/regulation.md#art-31): not the
     * day an officer noticed what it was. Runs in the caller's transaction, so that the mailbox
     * records the conversion in the same commit or nothing is written; `body` is the applicant's part
     * of the form (Art. 29 (一)–(三)), checked as the counter's is.
     */
    async registerConverted(
      trx: Tx,
      audit: Audit,
      ctx: AuditContext,
      agencyId: number,
      body: unknown,
      meta: { receivedOn: string; from: ConvertedFrom },
    ): Promise<Created> {
      const { input, issues } = parseApplicant(body);
      issues.push(...receiptDateIssues('confirmed_on', meta.receivedOn, todayInChina()));
      if (issues.length || !input) throw new ValidationError(issues);
      return insertApplication(trx, audit, ctx, input, {
        agencyId,
        channel: 'online',
        receivedOn: meta.receivedOn,
        assignedUnitId: null,
        action: 'application.converted_from_mailbox',
        from: meta.from,
      });
    },

    /** Records one event of the case (correction, consultation, extension, delayed reply, fee,
     *  routing, note), recomputes the stored due date and reports the violations it brought. */
    async recordEvent(db: Db, ctx: AuditContext, id: number, body: unknown): Promise<Recorded> {
      const app = await load(db, id);
      const today = todayInChina();
      const parsed = parseEvent(body, app, today);
      if (parsed.issues.length || !parsed.event) throw new ValidationError(parsed.issues);
      const event = parsed.event;
      if (event.kind === 'assigned') {
        const unit = await store.unit(db, Number(event.detail.unitId));
        if (!unit || unit.agency_id !== app.agency_id)
          throw new ValidationError([issue('unit_id', 'applications.error.unit_not_in_agency')]);
        event.detail.unitName = unit.name;
      }
      if (event.kind === 'fee_notice_sent') {
        const typed = typeof event.detail.amountYuan === 'number' ? event.detail.amountYuan : null;
        const pages = typeof event.detail.pages === 'number' ? event.detail.pages : null;
        const { result, issues } = await quoteFeeNotice(
          db,
          app,
          event.detail.method === 'by_pages' ? 'by_pages' : event.detail.method === 'by_count' ? 'by_count' : null,
          pages,
          typed,
        );
        if (!result) throw new ValidationError(issues);
        Object.assign(event.detail, {
          amountYuan: result.quote.totalYuan,
          units: result.units,
          breakdown: result.quote.breakdown,
        });
      }
      const calendar = await getCalendar(db);
      return mutate(db, ctx, async (trx, audit) => {
        const rows = await store.events(trx, id);
        const before = deadlineOf(app, rows, calendar);
        const against = clockEventIssues(event, before, clockEventsOf(rows), app.rules);
        if (against.length) throw new ValidationError(against);
        let result: DeadlineResult;
        try {
          result = deadlineOf(app, rows, calendar, event.clock ? { extra: event.clock } : {});
        } catch (error) {
          if (error instanceof DeadlineInputError) throw new ValidationError([clockIssue('kind', error)]);
          throw error;
        }
        const at = nowIso();
        // The notice this step issues is made with the template's current version, recorded here.
        const templateKey = templateKeyForEvent(event.kind, event.detail);
        if (templateKey) event.detail.template = templateUse(await currentTemplate(trx, app.agency_id, templateKey));
        // Every numbered notice, the extension and delayed-reply notices included, takes its 发文字号 here.
        const noticeKind = noticeKindOfEvent(event.kind);
        if (noticeKind)
          event.detail.documentNumber = await allocateNoticeNumber(trx, {
            agencyId: app.agency_id,
            kind: noticeKind,
            issuedOn: event.date,
            applicationId: id,
          });
        await store.addEvent(trx, {
          application_id: id,
          kind: event.kind,
          occurred_on: event.date,
          detail: event.detail,
          public: PUBLIC_EVENT_KINDS.has(event.kind),
          actor_user_id: ctx.actorUserId,
          created_at: at,
        });
        const next = storedClock(result, [
          ...rows,
          { kind: event.kind, occurred_on: event.date, detail_json: JSON.stringify(event.detail) },
        ]);
        await store.update(trx, id, {
          ...next,
          ...(event.kind === 'assigned' ? { assigned_unit_id: Number(event.detail.unitId) } : {}),
          updated_at: at,
        });
        const newViolations = result.violations.filter(
          (v) => !before.violations.some((b) => b.code === v.code && b.date === v.date),
        );
        await audit({
          action: 'application.event',
          subjectType: 'application',
          subjectId: id,
          before: { status: app.status, dueDate: app.due_date },
          after: {
            kind: event.kind,
            date: event.date,
            status: next.status,
            dueDate: next.due_date,
            violations: newViolations.map((v) => v.code),
          },
        });
        return { result, newViolations };
      });
    },

    /** The full personal data of a case, for a disclosure officer who asked for it; every such
     *  view is an audit event (application.personal_data_view). */
    async revealPersonalData(db: Db, ctx: AuditContext, id: number): Promise<PersonalData> {
      const app = await load(db, id);
      return mutate(db, ctx, async (_trx, audit) => {
        await audit({
          action: 'application.personal_data_view',
          subjectType: 'application',
          subjectId: id,
          after: {
            fields: ['id_number', 'phone', 'address', 'email'].filter((f) => app[`${f}_enc` as 'phone_enc'] !== null),
          },
        });
        return personalData(app);
      });
    },

    ...replyOperations(options.publicUrl ? answerNotifier(vault, options.publicUrl) : undefined),

    /** The duplicate detector's report on the case (duplicates.ts): the agency's applications of
     *  the two years before, matched on blind indexes only. */
    async duplicates(db: Db, row: ApplicationRow): Promise<DuplicateReport> {
      const earlier = await store.duplicateCandidates(db, row.agency_id, row.received_on);
      return detectDuplicates(row, earlier, identities(row));
    },

    personalData,
    applicantName,
    contactPerson,
    opened,
    /** The blind indexes a look-up by this full name matches (every configured key's). */
    nameIndexes: (name: string) => vault.nameIndexes(name),
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
