// Public surface of the notifications module (docs/adr/0018-module-boundaries.md).
export { notificationsStore } from './notifications.store.ts';
export type { NotificationRow, NotificationTable } from './notifications.table.ts';
