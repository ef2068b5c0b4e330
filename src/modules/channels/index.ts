// Public surface of the channels module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { contentAreaBreakdown, publicationsByChannel, websiteItemCount } from './channels.store.ts';
export { isChannel, reportChannelKey, websiteChannels, type Channel } from './channels.ts';
// channels.service.ts registers, on import, the listener that records the website publication of
// every item published (catalog-import imports this index for it).
export { channelsService, recordWebsitePublication } from './channels.service.ts';
export { recordImportedPublications } from './channels.service.ts';
