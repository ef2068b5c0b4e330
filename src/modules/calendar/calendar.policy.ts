import { definePolicies, roleOver, signedIn } from '../../platform/policy.ts';

export const calendarPolicies = definePolicies({
  /** Everyone who counts deadlines may look at the calendar and try a period. */
  'calendar.read': signedIn,
  /** The calendar is platform configuration: the system administrator records notices. */
  'calendar.manage': roleOver('system_admin'),
});
