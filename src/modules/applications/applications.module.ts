import { defineModule } from '../../platform/module.ts';
import { applicationMessages } from './applications.messages.ts';
import { applicantMessages } from './applicant.messages.ts';
import { answerMessages } from './answer.messages.ts';
import { clockMessages } from './clock.messages.ts';
import { costFee2007Messages } from './cost-fees-2007.messages.ts';
import { templateMessages } from './notices/templates.messages.ts';
import { noticeSettingsMessages } from './notices/notice-settings.messages.ts';
import { replyApproverMessages } from './reply-approvers.messages.ts';
import { applicationPolicies } from './applications.policy.ts';
import { openCasesFollowCalendar } from './applications.clock.ts';
import { applicationsAuditLabels } from './applications.audit-labels.ts';

export const applicationsModule = defineModule({
  name: 'applications',
  auditLabels: [applicationsAuditLabels],
  messagePrefixes: ['applications.', 'cost2007.', 'notice_templates.', 'notice_settings.', 'reply_approvers.'],
  messages: [
    applicationMessages,
    applicantMessages,
    answerMessages,
    clockMessages,
    costFee2007Messages,
    templateMessages,
    noticeSettingsMessages,
    replyApproverMessages,
  ],
  policies: [applicationPolicies],
  navigation: [
    { href: '/admin/applications', labelKey: 'nav.applications', policy: 'applications.list', order: 30 },
    { href: '/admin/notice-templates', labelKey: 'nav.notice_templates', policy: 'notice_templates.manage', order: 31 },
  ],
  calendarListeners: [openCasesFollowCalendar],
  web: async () => {
    const { applicationRoutes, awaitingApprovalPanel, smsOutboxJob } = await import('./applications.routes.tsx');
    return { routes: [applicationRoutes], dashboardPanels: [awaitingApprovalPanel], jobs: [smsOutboxJob] };
  },
});
