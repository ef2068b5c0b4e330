// The power-catalog module's read contracts (docs/adr/0022-table-ownership.md): query builders other
// modules join as derived tables — `.selectFrom(powerItemDirectory(db).as('p'))` — instead of naming the
// power catalog's tables. Reads only: entries change through the power catalog's services, which carry
// them through the publishing workflow. Both SQLite and PostgreSQL flatten a plain sub-select into the
// outer query, so the plan is the one a direct join gets.
import type { Executor } from '../../db/database.ts';

/** Every power-catalog entry (职权), all columns, whatever the state of its carrying item. */
export function powerItemDirectory(db: Executor) {
  return db.selectFrom('power_items').selectAll();
}

/** Every service guide (办事指南), all columns, whatever the state of its carrying item. */
export function serviceGuideDirectory(db: Executor) {
  return db.selectFrom('service_guides').selectAll();
}

/** Table 二's yearly figures as entered: one row per agency, year and kind. */
export function yearlyFigureEntries(db: Executor) {
  return db.selectFrom('yearly_figures').selectAll();
}
