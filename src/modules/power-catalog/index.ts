// Public surface of the power-catalog module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { powerCatalogStructuredEntries, saveFigures } from './power-catalog.service.ts';
export { catalogCounts } from './power-catalog.store.ts';
export {
  GUIDE_CATEGORY,
  POWER_CATEGORY,
  art20ItemOf,
  fenToTenThousandYuan,
  figureKinds,
  powerItemBody,
  powerTypeZh,
  serviceGuideBody,
  type FigureKind,
  type PowerType,
} from './power-catalog.ts';
export { powerItemDirectory, serviceGuideDirectory, yearlyFigureEntries } from './read-contracts.ts';
