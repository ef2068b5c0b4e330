import { defineModule } from '../../platform/module.ts';
import { channelMessages } from './channels.ts';
import { outboxMessages } from './outbox.messages.ts';
import { channelPolicies } from './channels.policy.ts';
import { recordWebsitePublications } from './channels.service.ts';
import { queueForAutoEndpoints } from './outbox.service.ts';
import { channelsAuditLabels } from './channels.audit-labels.ts';

export const channelsModule = defineModule({
  name: 'channels',
  auditLabels: [channelsAuditLabels],
  messagePrefixes: ['channel.', 'channels.', 'outbox.'],
  messages: [channelMessages, outboxMessages],
  policies: [channelPolicies],
  navigation: [
    { href: '/admin/channels', labelKey: 'nav.channels', policy: 'channels.read', order: 26 },
    { href: '/admin/channels/outbox', labelKey: 'nav.channel_outbox', policy: 'channels.outbox_read', order: 27 },
  ],
  publicationListeners: [recordWebsitePublications, queueForAutoEndpoints],
  web: async () => {
    const [{ channelRoutes }, { channelOutboxJob }] = await Promise.all([
      import('./channels.routes.tsx'),
      import('./outbox.routes.tsx'),
    ]);
    return { routes: [channelRoutes], jobs: [channelOutboxJob] };
  },
});
