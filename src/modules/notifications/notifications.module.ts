import { defineModule } from '../../platform/module.ts';

// In-app notices (the console's 提醒) are written by applications and reports and read by the
// dashboard; the module owns the table and its store, and registers nothing of its own.
export const notificationsModule = defineModule({
  name: 'notifications',
});
