// One versioned-document workflow for every kind of document an agency approves and publishes
// (catalog items, annual reports; replies to letters and quarterly bulletins next): a document
// row with its state, immutable versions (an edit is a new row with the next number), append-only
// status rows, and transitions taken only through the kind's workflow table, each checked against
// the table and the row's needs, and written with its status row and audit event in the caller's
// transaction (platform/mutation.ts). The actor's permission for a step is checked before, by the
// route (authorizeStep), as for every other service (docs/adr/0021).
//
// A kind brings its tables, its table of transitions, its audit subject and its hooks; this file
// knows no module. The tables are named at run time, so the queries here go through an untyped
// view of the executor: the kind's own store keeps the typed queries its pages need.
import type { Kysely } from 'kysely';
import type { Executor, Tx } from '../../db/database.ts';
import { nowIso, todayInChina } from '../clock.ts';
import {
  ConflictError,
  ForbiddenError,
  issue,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from '../errors.ts';
import type { Audit } from '../mutation.ts';
import { authorize, can, type Actor, type Scoped } from '../policy.ts';
import type { Role } from '../roles.ts';
import { findTransition, type Transition } from './workflow-table.ts';

/** What the workflow reads of a document row. */
export interface DocumentRecord {
  readonly id: number;
  readonly status: string;
  readonly current_version_id: number | null;
}

/** What the workflow reads of a version row. */
export interface VersionRecord {
  readonly id: number;
  readonly version_no: number;
}

/**
 * Who takes a step, as its status row records it, and the state in which the route authorized the
 * actor for it (authorizeStep): a document that moved on meanwhile is not taken further by a step
 * authorized on the state before (409, as when two people press a button at once).
 */
export interface StepBy {
  readonly actedBy: number;
  readonly whileStatus?: string;
}

/** The kind's message keys for the refusals the workflow gives. */
export interface WorkflowMessages {
  /** 409 with {event, status}: the table has no such row from this state. */
  readonly notAllowed: string;
  /** 403: the row's role is not the actor's on this document. */
  readonly notYourStep: string;
  readonly reasonRequired: string;
  readonly reasonTooLong: string;
  /** The row's recorded decision (basisNeed) has no basis. */
  readonly basisRequired: string;
  /** 409: another transaction moved the document first (compare-and-set). */
  readonly changedMeanwhile: string;
}

/** What the person taking a step may give: why, the basis of a recorded decision, a date. */
export interface TransitionInput {
  readonly reason?: string | null;
  readonly basis?: string | null;
  readonly date?: string | null;
}

/** A step about to be taken, as the kind's hooks see it (checked against table and role). */
export interface Step<D extends DocumentRecord, T extends Transition> {
  readonly trx: Tx;
  /** The user taking the step (the reviewer a recorded decision names). */
  readonly userId: number;
  readonly doc: D;
  readonly row: T;
  readonly from: T['from'];
  readonly reason: string | null;
  readonly basis: string | null;
  readonly input: TransitionInput;
  readonly today: string;
}

/** What a kind adds to a step (prepare hook), written with the status change. */
export interface StepEffect {
  /** Columns of the document set with the status (publication date, published version…). */
  readonly set?: Readonly<Record<string, unknown>>;
  /** The version the status row names; by default the document's current version. */
  readonly versionId?: number | null;
  /** The status row's reason when the step gives neither reason nor basis (a late-publication note). */
  readonly note?: string | null;
  /** The audit event's `after`, following status, reason and basis. */
  readonly audit?: Readonly<Record<string, unknown>>;
  /** Runs after the status row, before the audit event: publication listeners, page caches. */
  readonly after?: () => Promise<void>;
}

/**
 * A kind of document. Its tables need, besides the kind's own columns: documents `id`, `status`,
 * `current_version_id`, `updated_at`; versions `id`, the document column, `version_no`; status rows
 * the document column, `version_id`, `from_status`, `to_status`, `event`, `actor_user_id`, `reason`,
 * `created_at`.
 */
export interface DocumentKind<D extends DocumentRecord, T extends Transition> {
  /** How errors name a document ("item 12 has no current version"). */
  readonly name: string;
  readonly tables: {
    readonly documents: string;
    readonly versions: string;
    readonly history: string;
    /** The column of versions and status rows that names their document. */
    readonly documentColumn: string;
  };
  /** The audit subject type, and the prefix of its actions ('publishing' → 'publishing.submit'). */
  readonly audit: { readonly subjectType: string; readonly actionPrefix: string };
  /** The state a new document starts in. */
  readonly initialStatus: T['from'];
  readonly messages: WorkflowMessages;
  /** The document as the kind's pages and hooks see it (it may join other tables). */
  readonly load: (db: Executor, id: number) => Promise<D | undefined>;
  readonly scopeOf: (doc: D) => Scoped;
  /** The permission to see the document at all, checked before any step. */
  readonly readPolicy: string;
  /** The permission a row's role stands for on this kind. */
  readonly stepPolicy: (role: Role) => string;
  /** The workflow table that applies to the document (it may depend on its agency's configuration). */
  readonly table: (db: Executor, doc: D) => Promise<readonly T[]>;
  /** The need of rows that record a decision with its basis (the confidentiality review). */
  readonly basisNeed?: T['needs'][number];
  /** Problems with the step's input beyond reason and basis (e.g. a publication date). */
  readonly validate?: (step: Step<D, T>) => ValidationIssue[];
  /** Guards and records of the kind, in the transaction, before the status changes. */
  readonly prepare?: (step: Step<D, T>) => Promise<StepEffect>;
}

/** A reason, as a status row keeps it, is at most this long. */
export const MAX_REASON_LENGTH = 2000;

function loose(db: Executor): Kysely<any> {
  return db as unknown as Kysely<any>;
}

export interface StatusRowInput {
  readonly documentId: number;
  readonly versionId: number | null;
  readonly from: string | null;
  readonly to: string;
  readonly event: string;
  readonly userId: number | null;
  readonly reason: string | null;
}

/** The operations of one document kind; every write runs inside the caller's transaction. */
export function versionedDocuments<D extends DocumentRecord, V extends VersionRecord, T extends Transition>(
  kind: DocumentKind<D, T>,
) {
  const { tables, messages } = kind;

  async function lastVersionNo(db: Executor, documentId: number): Promise<number> {
    const row = await loose(db)
      .selectFrom(tables.versions)
      .select((eb) => eb.fn.max('version_no').as('n'))
      .where(tables.documentColumn, '=', documentId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  const documents = {
    kind,

    async load(db: Executor, id: number): Promise<D> {
      const doc = await kind.load(db, id);
      if (!doc) throw new NotFoundError();
      return doc;
    },

    async version(db: Executor, id: number): Promise<V | undefined> {
      return (await loose(db).selectFrom(tables.versions).selectAll().where('id', '=', id).executeTakeFirst()) as
        | V
        | undefined;
    },

    async currentVersion(db: Executor, doc: D): Promise<V> {
      const version = doc.current_version_id === null ? undefined : await documents.version(db, doc.current_version_id);
      if (!version) throw new Error(`${kind.name} ${doc.id} has no current version`);
      return version;
    },

    lastVersionNo,

    /** A new immutable version with the next number; `values` are the kind's own columns. */
    async appendVersion(
      trx: Tx,
      documentId: number,
      values: Readonly<Record<string, unknown>>,
    ): Promise<{ id: number; versionNo: number }> {
      const versionNo = (await lastVersionNo(trx, documentId)) + 1;
      const row = await loose(trx)
        .insertInto(tables.versions)
        .values({ ...values, [tables.documentColumn]: documentId, version_no: versionNo })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(row.id), versionNo };
    },

    /**
     * Points the document at a new version. Guarded by the state the caller saw (`whileStatus`) and
     * by the version it built on (`whileVersion`): two edits at once cannot both build on one version.
     */
    async setCurrentVersion(
      trx: Tx,
      doc: DocumentRecord,
      versionId: number,
      options: { set?: Readonly<Record<string, unknown>>; whileStatus?: string; whileVersion?: boolean } = {},
    ): Promise<void> {
      let query = loose(trx)
        .updateTable(tables.documents)
        .set({ current_version_id: versionId, ...options.set })
        .where('id', '=', doc.id);
      if (options.whileStatus) query = query.where('status', '=', options.whileStatus);
      if (options.whileVersion) query = query.where('current_version_id', '=', doc.current_version_id);
      const updated = await query.executeTakeFirst();
      if ((options.whileStatus || options.whileVersion) && Number(updated.numUpdatedRows) !== 1)
        throw new ConflictError(messages.changedMeanwhile);
    },

    /** The append-only status row of one transition (or of the creation, from null). */
    async recordStatus(trx: Tx, row: StatusRowInput): Promise<void> {
      await loose(trx)
        .insertInto(tables.history)
        .values({
          [tables.documentColumn]: row.documentId,
          version_id: row.versionId,
          from_status: row.from,
          to_status: row.to,
          event: row.event,
          actor_user_id: row.userId,
          reason: row.reason,
          created_at: nowIso(),
        })
        .execute();
    },

    /**
     * A new document in its initial state with version 1 and its status row, audited as
     * `<prefix>.create`. `values` are the kind's columns; `after` is the audit event's payload.
     */
    async create(
      trx: Tx,
      audit: Audit,
      userId: number,
      input: {
        values: Readonly<Record<string, unknown>>;
        version: Readonly<Record<string, unknown>>;
        after: (versionId: number) => Record<string, unknown>;
      },
    ): Promise<number> {
      const inserted = await loose(trx)
        .insertInto(tables.documents)
        .values({ ...input.values, status: kind.initialStatus, current_version_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(inserted.id);
      const version = await documents.appendVersion(trx, id, input.version);
      await documents.setCurrentVersion(trx, { id, status: kind.initialStatus, current_version_id: null }, version.id);
      await documents.recordStatus(trx, {
        documentId: id,
        versionId: version.id,
        from: null,
        to: kind.initialStatus,
        event: 'create',
        userId,
        reason: null,
      });
      await audit({
        action: `${kind.audit.actionPrefix}.create`,
        subjectType: kind.audit.subjectType,
        subjectId: id,
        after: input.after(version.id),
      });
      return id;
    },

    /** The rows of the table the actor may take on the document now (the buttons of its page). */
    transitionsFor(actor: Actor | undefined, doc: D, table: readonly T[]): T[] {
      return table.filter((r) => r.from === doc.status && can(actor, kind.stepPolicy(r.requires), kind.scopeOf(doc)));
    },

    /**
     * The actor's permission for a step, which the route checks before the service takes it: to see
     * the document, then the role of the table's row from its state. A state with no such row is
     * not the actor's refusal but the state's (409), which transition() gives, in the transaction.
     */
    async authorizeStep(db: Executor, actor: Actor | undefined, doc: D, event: T['event']): Promise<void> {
      const scope = kind.scopeOf(doc);
      authorize(actor, kind.readPolicy, scope);
      const row = findTransition(await kind.table(db, doc), doc.status as T['from'], event);
      if (row && !can(actor, kind.stepPolicy(row.requires), scope)) throw new ForbiddenError(messages.notYourStep);
    },

    /**
     * The single way a document changes state: the table's row from its state (read in the
     * transaction), the row's needs and the kind's guards; then the status (compare-and-set, so two
     * people pressing a button at once cannot both move it), the status row and `<prefix>.<event>`.
     * The route has authorized the actor (authorizeStep) on the state `by.whileStatus`.
     */
    async transition(
      trx: Tx,
      audit: Audit,
      doc: D,
      event: T['event'],
      input: TransitionInput,
      by: StepBy,
    ): Promise<T['to']> {
      const from = doc.status as T['from'];
      if (by.whileStatus !== undefined && from !== by.whileStatus) throw new ConflictError(messages.changedMeanwhile);
      const row = findTransition(await kind.table(trx, doc), from, event);
      if (!row) throw new ConflictError(messages.notAllowed, { event, status: from });

      const reason = input.reason?.trim() || null;
      const basis = input.basis?.trim() || null;
      const step: Step<D, T> = {
        trx,
        userId: by.actedBy,
        doc,
        row,
        from,
        reason,
        basis,
        input,
        today: todayInChina(),
      };
      const needs = row.needs as readonly string[];
      const issues: ValidationIssue[] = [];
      if (needs.includes('reason') && !reason) issues.push(issue('reason', messages.reasonRequired));
      if (reason && reason.length > MAX_REASON_LENGTH) issues.push(issue('reason', messages.reasonTooLong));
      if (kind.basisNeed && needs.includes(kind.basisNeed) && !basis)
        issues.push(issue('basis', messages.basisRequired));
      issues.push(...(kind.validate?.(step) ?? []));
      if (issues.length) throw new ValidationError(issues);

      const effect = (await kind.prepare?.(step)) ?? {};
      const updated = await loose(trx)
        .updateTable(tables.documents)
        .set({ status: row.to, updated_at: nowIso(), ...effect.set })
        .where('id', '=', doc.id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError(messages.changedMeanwhile);
      await documents.recordStatus(trx, {
        documentId: doc.id,
        versionId: effect.versionId === undefined ? doc.current_version_id : effect.versionId,
        from,
        to: row.to,
        event,
        userId: by.actedBy,
        reason: reason ?? basis ?? effect.note ?? null,
      });
      await effect.after?.();
      await audit({
        action: `${kind.audit.actionPrefix}.${event}`,
        subjectType: kind.audit.subjectType,
        subjectId: doc.id,
        before: { status: from },
        after: { status: row.to, reason, basis, ...effect.audit },
      });
      return row.to;
    },
  };
  return documents;
}

export type VersionedDocuments<D extends DocumentRecord, V extends VersionRecord, T extends Transition> = ReturnType<
  typeof versionedDocuments<D, V, T>
>;
