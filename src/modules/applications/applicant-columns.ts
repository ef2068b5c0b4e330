// The applicant columns of the annual report's table 三 (reports/report-types.ts re-exports
// them): they live here because the applications module maps each applicant kind to its column
// (outcome.ts), and the reports module depends on applications, not the other way round.

/** Table 三 applicant columns in table order (自然人, then the five 法人或其他组织 kinds). */
export const APPLICANT_KEYS = [
  'naturalPerson',
  'business',
  'researchInstitution',
  'publicInterestOrg',
  'legalServiceOrg',
  'otherOrg',
] as const;
export type ApplicantKey = (typeof APPLICANT_KEYS)[number];
/** The seven numeric columns of table 三: six applicant kinds and 总计. */
export const APPLICANT_COLUMNS = [...APPLICANT_KEYS, 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
