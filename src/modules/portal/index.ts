// Public surface of the portal module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { portalContentChanged } from './page-cache.ts';
export { html, servePage } from './portal-support.ts';
export { registerPublishedReports, type PublishedReportProvider } from './report-registry.ts';
export { ErrorPage } from './views/error-page.tsx';
export type { PortalContext } from './views/portal-context.ts';
export { PortalLayout } from './views/portal-layout.tsx';
export { portalPublicFrame } from './site.ts';
export { registerPublicSection, type PublicSection, type SectionHit, type SectionPage } from './public-sections.ts';
