// The applications module's light public surface: the outcome codes, table 三 of the annual report
// (rows, applicant kinds and columns) and the pure rules over them — data, with no service, store
// or database behind it. index.ts re-exports all of it; code that needs only these (the annual
// report's checker and `gongkai report check`, which reads no database) imports this file, so that
// it does not load the applications service and Kysely (~340 modules). It may import only this
// module's pure data files: `npm run check:deps` fails when it reaches anything else (ADR 0018).
export { APPLICANT_COLUMNS, APPLICANT_KEYS, type ApplicantColumn, type ApplicantKey } from './applicant-columns.ts';
export {
  APPLICANT_KINDS,
  APPLICANT_KIND_COLUMNS,
  OUTCOMES,
  OUTCOME_CODES,
  TABLE3_OUTCOMES_HEADER,
  TABLE3_ROWS_2019,
  TABLE3_ROWS_2021,
  TOTAL_COLUMN,
  isOutcomeCode,
  outcomeRow2021,
  type ApplicantKind,
  type OutcomeCode,
  type Table3Row,
} from './outcome.ts';
