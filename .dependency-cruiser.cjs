// Module boundaries (docs/adr/0018-module-boundaries.md), checked by `npm run check:deps` in CI.
// A module is a folder under src/modules; its index.ts is the file other code imports, and a
// module may add one light surface of pure data (listed in LIGHT_SURFACES) for code that must not
// load its services: applications/outcomes.ts, for the annual report's checker and `gongkai report
// check`. Tests and test support may reach into any module; everything else goes through these.

/** Test code and test support: exempt from the boundary rules (as importers and as targets). */
const TESTS = [
  '\\.test\\.tsx?$',
  '\\.test-support\\.tsx?$',
  '(^|/)testing/',
  '^test/',
];

/** Light public surfaces: re-exports of pure data files, importable like index.ts (ADR 0018). */
const LIGHT_SURFACES = ['^src/modules/applications/outcomes\\.ts$'];
/** What a module's public surface is, as a dependency-cruiser path. */
const PUBLIC = ['^src/modules/[^/]+/index\\.ts$', ...LIGHT_SURFACES];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Files import each other in one direction (type-only imports included).',
      from: { path: '^(src|bench)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-internals',
      severity: 'error',
      comment:
        "Another module's files are private: import its index.ts. (Exceptions, each with a rule of its own: src/db/database.ts reads *.table.ts types, src/app.ts mounts *.routes.ts[x], src/cli.ts loads *.cli.ts lazily.)",
      from: { path: '^src/modules/([^/]+)/', pathNot: TESTS },
      to: {
        path: '^src/modules/',
        pathNot: ['^src/modules/$1/', ...PUBLIC, ...TESTS],
      },
    },
    {
      name: 'no-module-internals-from-outside',
      severity: 'error',
      comment:
        'The application (app.ts, main, the command line, the demo) and the benchmarks use a module through its index.ts.',
      from: {
        path: '^(src|bench)/',
        pathNot: [
          '^src/modules/',
          '^src/db/database\\.ts$',
          '^src/cli\\.ts$',
          '^src/app\\.ts$',
          '^src/composition\\.ts$',
          ...TESTS,
        ],
      },
      to: { path: '^src/modules/[^/]+/', pathNot: [...PUBLIC, ...TESTS] },
    },
    {
      name: 'light-surfaces-stay-light',
      severity: 'error',
      comment:
        "A light surface reaches no index.ts and nothing outside src/modules (db, platform): importing it must stay cheap for one-shot commands (ADR 0017). Packages are outside the cruise (options.exclude), so a package import in a file it reaches is for review and the start-up bench to catch.",
      from: { path: LIGHT_SURFACES },
      to: { reachable: true, path: ['^src/(?!modules/)', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'composition-root-reads-definitions',
      severity: 'error',
      comment:
        "src/composition.ts imports a module's index.ts or its definition (<module>.module.ts), which it registers (docs/adr/0019).",
      from: { path: '^src/composition\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/(index|[^/]+\\.module)\\.ts$' },
    },
    {
      name: 'app-mounts-route-plugins',
      severity: 'error',
      comment:
        "src/app.ts imports a module's index.ts, or mounts one of its top-level route plugins (*.routes.ts[x]); route plugins stay out of index.ts so that using a module does not load its pages (docs/adr/0018).",
      from: { path: '^src/app\\.ts$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: '^src/modules/[^/]+/(index\\.ts|[^/]+\\.routes\\.tsx?)$',
      },
    },
    {
      name: 'cli-loads-index-or-commands',
      severity: 'error',
      comment:
        "src/cli.ts imports a module's index.ts, or loads one of its *.cli.ts command files by dynamic import (one-shot commands load only their own group: docs/adr/0017).",
      from: { path: '^src/cli\\.ts$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: '^src/modules/[^/]+/(index\\.ts|[^/]+\\.cli\\.ts)$',
      },
    },
    {
      name: 'cli-commands-lazily',
      severity: 'error',
      comment: 'A *.cli.ts file is loaded by dynamic import only, so that other command groups do not load it.',
      from: { path: '^src/cli\\.ts$' },
      to: { path: '^src/modules/[^/]+/[^/]+\\.cli\\.ts$', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'platform-and-db-know-no-module',
      severity: 'error',
      comment: 'src/platform and src/db are below every module and import none.',
      from: { path: '^src/(platform|db)/', pathNot: ['^src/db/database\\.ts$', ...TESTS] },
      to: { path: '^src/modules/' },
    },
    {
      name: 'database-reads-table-types-only',
      severity: 'error',
      comment:
        "src/db/database.ts assembles the Database type from the modules' *.table.ts files, by type-only imports and nothing else.",
      from: { path: '^src/db/database\\.ts$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/.+\\.table\\.ts$' },
    },
    {
      name: 'database-table-imports-are-type-only',
      severity: 'error',
      from: { path: '^src/db/database\\.ts$' },
      to: { path: '^src/modules/.+\\.table\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'table-files-import-no-module',
      severity: 'error',
      comment: 'A *.table.ts file describes its tables with kysely types (and the column types platform/**/*.table.ts shares), so database.ts reaches no module code.',
      from: { path: '^src/modules/.+\\.table\\.ts$' },
      to: { path: '^src/', pathNot: '^src/platform/.+\\.table\\.ts$' },
    },
    {
      name: 'views-read-view-models',
      severity: 'error',
      comment:
        'A view renders the view model its route presents (store row → presenter → view model → view, docs/conventions.md#presenters): it imports no *.store.ts or *.table.ts, so column names stay out of the templates.',
      // Every module's views; tests may build their fixtures from rows.
      from: { path: '^src/modules/.+/views/', pathNot: TESTS },
      to: { path: '\\.(store|table)\\.ts$' },
    },
    {
      name: 'no-route-to-other-module-route',
      severity: 'error',
      comment: "A route file does not import another module's route file; shared helpers live in non-route files.",
      from: { path: '^src/modules/([^/]+)/.+\\.routes\\.tsx?$' },
      to: { path: '^src/modules/.+\\.routes\\.tsx?$', pathNot: '^src/modules/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
