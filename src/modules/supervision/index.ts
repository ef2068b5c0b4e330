// Public surface of the supervision module (监督: the oversight of the agencies a supervisor reaches;
// issue 17 grows it into the monthly, quarterly and annual cycle). Nothing yet: the module is used only
// through its definition, which the composition root registers. Everything in the folder is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export {};
