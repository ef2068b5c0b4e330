// Public surface of the calendar module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { calendarService, getCalendar, onCalendarChange, type CalendarListener } from './calendar.service.ts';
export { parseProvisionalYears, provisionalNote, provisionalYearsText, storedYears } from './provisional.ts';
export { ProvisionalNote } from './views/provisional-note.tsx';
