// The Database interface is assembled from each module's *.table.ts so that a module owns its
// tables and everything else sees them only through its store.
import type { Kysely, Transaction } from 'kysely';
import type {
  AgencyTable,
  LeadingGroupMemberTable,
  RoleAssignmentTable,
  UnitTable,
  UserTable,
} from '../modules/organisation/organisation.table.ts';
import type { SessionTable } from '../platform/auth/session.table.ts';
import type {
  ActivationCodeTable,
  PasswordHistoryTable,
  SignInThrottleTable,
} from '../platform/auth/account-security.table.ts';
import type { AuditEventTable, SettingTable } from '../platform/audit/audit.table.ts';
import type { CalendarDayTable, CalendarNoticeTable } from '../modules/calendar/calendar.table.ts';
import type {
  ConfidentialityReviewTable,
  IndexNumberSequenceTable,
  InformationItemTable,
  ItemAttachmentTable,
  ItemChangeTable,
  ItemStatusHistoryTable,
  ItemValidityHistoryTable,
  ItemVersionTable,
  PiiOverrideTable,
  PiiRescanFlagTable,
  WorkflowConfigTable,
} from '../modules/publishing/publishing.table.ts';
import type {
  ApplicationAttachmentTable,
  ApplicationEventTable,
  ApplicationTable,
} from '../modules/applications/applications.table.ts';
import type { MailboxLetterAttachmentTable, MailboxRatingLinkTable } from '../modules/mailbox/letter.table.ts';
import type { CostFee2007Table } from '../modules/applications/cost-fees-2007.table.ts';
import type { PowSpentTable } from '../platform/pow.table.ts';
import type {
  PowerItemTable,
  ServiceGuideTable,
  YearlyFigureTable,
} from '../modules/power-catalog/power-catalog.table.ts';
import type {
  ChannelEndpointTable,
  ChannelOutboxTable,
  ChannelPublicationTable,
} from '../modules/channels/channels.table.ts';
import type { DisclosureTaskTable } from '../modules/tasks/tasks.table.ts';
import type { ReconsiderationCaseTable } from '../modules/reconsideration/reconsideration.table.ts';
import type { NoticeTemplateVersionTable } from '../modules/applications/notices/templates.table.ts';
import type {
  AgencyNoticeSettingsTable,
  NoticeNumberSequenceTable,
  NoticeNumberTable,
} from '../modules/applications/notices/notice-settings.table.ts';
import type { AgencyReplyApproversTable } from '../modules/applications/reply-approvers.table.ts';
import type {
  HotlineWebhookDeliveryTable,
  HotlineWebhookSecretTable,
} from '../modules/mailbox/hotline-webhook.table.ts';
import type { MailOutboxTable, SmsOutboxTable } from '../platform/mail/mail.table.ts';
import type { NotificationTable } from '../modules/notifications/notifications.table.ts';
import type { DisplayScreenTable, PortalStateTable } from '../modules/portal/portal.table.ts';
import type {
  SearchDocumentTable,
  SearchIndexStateTable,
  SearchSynonymGroupTable,
} from '../modules/search/search.table.ts';
import type {
  MailboxCaseTable,
  MailboxEscalationTable,
  MailboxExtensionTable,
  MailboxLimitTable,
  MailboxReplyVersionTable,
  MailboxRoutingRuleTable,
  MailboxStatusHistoryTable,
} from '../modules/mailbox/mailbox.table.ts';
import type { ReceivedReportTable } from '../modules/reports/received.table.ts';
import type {
  ReportDocumentOverrideTable,
  ReportDocumentStatusHistoryTable,
  ReportDocumentTable,
  ReportDocumentVersionTable,
} from '../modules/reports/publication/publication.table.ts';

export interface Database {
  agencies: AgencyTable;
  agency_notice_settings: AgencyNoticeSettingsTable;
  agency_reply_approvers: AgencyReplyApproversTable;
  notice_number_sequences: NoticeNumberSequenceTable;
  notice_numbers: NoticeNumberTable;
  units: UnitTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  leading_group_members: LeadingGroupMemberTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  settings: SettingTable;
  calendar_notices: CalendarNoticeTable;
  calendar_days: CalendarDayTable;
  information_items: InformationItemTable;
  item_versions: ItemVersionTable;
  item_status_history: ItemStatusHistoryTable;
  confidentiality_reviews: ConfidentialityReviewTable;
  item_validity_history: ItemValidityHistoryTable;
  item_changes: ItemChangeTable;
  cost_fees_2007: CostFee2007Table;
  index_number_sequences: IndexNumberSequenceTable;
  workflow_configs: WorkflowConfigTable;
  pii_overrides: PiiOverrideTable;
  item_attachments: ItemAttachmentTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  application_attachments: ApplicationAttachmentTable;
  mailbox_letter_attachments: MailboxLetterAttachmentTable;
  mailbox_rating_links: MailboxRatingLinkTable;
  pow_spent: PowSpentTable;
  power_items: PowerItemTable;
  service_guides: ServiceGuideTable;
  yearly_figures: YearlyFigureTable;
  channel_publications: ChannelPublicationTable;
  channel_endpoints: ChannelEndpointTable;
  channel_outbox: ChannelOutboxTable;
  hotline_webhook_secrets: HotlineWebhookSecretTable;
  hotline_webhook_deliveries: HotlineWebhookDeliveryTable;
  pii_rescan_flags: PiiRescanFlagTable;
  disclosure_tasks: DisclosureTaskTable;
  review_cases: ReconsiderationCaseTable;
  notice_template_versions: NoticeTemplateVersionTable;
  mail_outbox: MailOutboxTable;
  sms_outbox: SmsOutboxTable;
  notifications: NotificationTable;
  portal_state: PortalStateTable;
  display_screens: DisplayScreenTable;
  search_documents: SearchDocumentTable;
  search_index_state: SearchIndexStateTable;
  search_synonym_groups: SearchSynonymGroupTable;
  received_reports: ReceivedReportTable;
  report_documents: ReportDocumentTable;
  report_document_versions: ReportDocumentVersionTable;
  report_document_status_history: ReportDocumentStatusHistoryTable;
  report_document_overrides: ReportDocumentOverrideTable;
  activation_codes: ActivationCodeTable;
  password_history: PasswordHistoryTable;
  sign_in_throttle: SignInThrottleTable;
  mailbox_cases: MailboxCaseTable;
  mailbox_reply_versions: MailboxReplyVersionTable;
  mailbox_status_history: MailboxStatusHistoryTable;
  mailbox_extensions: MailboxExtensionTable;
  mailbox_limits: MailboxLimitTable;
  mailbox_routing_rules: MailboxRoutingRuleTable;
  mailbox_escalations: MailboxEscalationTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or a transaction: stores accept both so services decide the boundary. */
export type Executor = Kysely<Database> | Transaction<Database>;
