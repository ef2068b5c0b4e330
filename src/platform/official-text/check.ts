// The check every official text passes before it leaves the platform in a test: reply notices,
// the annual report in each of its formats, console labels. It finds what a legal officer would
// strike out on reading: a template alternative left in (“（或告知获取的方式……）”), punctuation
// doubled by filling a placeholder (“。”。”, “，，”), an empty placeholder ({{…}}, 【】, ＿＿,
// “undefined”, “null”) and a code identifier (snake_case or camelCase) in Chinese text.
// Pure: text in, problems out.

export interface OfficialTextProblem {
  readonly kind: 'alternative' | 'doubled_punctuation' | 'ascii_punctuation' | 'empty_placeholder' | 'code_identifier';
  /** The offending text as found. */
  readonly match: string;
  /** Up to 12 characters either side, to find it. */
  readonly context: string;
}

const RULES: readonly [OfficialTextProblem['kind'], RegExp][] = [
  // A bracketed alternative: “（或…）” and “(或…)”.
  ['alternative', /[（(]\s*或[^）)]*[）)]/g],
  // Two sentence or clause marks in a row, also with a closing quote or bracket between them
  // (“。”。” is a full stop inside and outside the same quotation).
  ['doubled_punctuation', /[。，、；：！？][”’）》」』]?[。，、；：！？]/g],
  ['doubled_punctuation', /[.,;]{2,}(?!\.)/g],
  // Half-width brackets and marks against Chinese characters: 公文 use the full-width forms.
  ['ascii_punctuation', /[\u4e00-\u9fff》〕][(,;:]|[(][\u4e00-\u9fff《〔]|[\u4e00-\u9fff][)]/g],
  ['empty_placeholder', /\{\{[^{}]*\}\}|【\s*】|[＿_]{2,}|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/g],
  // snake_case (two or more lowercase words joined by _) and camelCase (lowercase then capital);
  // dotted paths such as applications.newReceived are caught by the camelCase part or as a whole.
  ['code_identifier', /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g],
  ['code_identifier', /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g],
  ['code_identifier', /\b[a-z][a-z0-9]*(?:\.[a-z][A-Za-z0-9]*){2,}\b/g],
];

export function checkOfficialText(text: string): OfficialTextProblem[] {
  const problems: OfficialTextProblem[] = [];
  for (const [kind, re] of RULES) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      problems.push({
        kind,
        match: m[0],
        context: text.slice(Math.max(0, at - 12), at + m[0].length + 12).replace(/\s+/g, ' '),
      });
    }
  }
  return problems;
}

/** For tests: throws with every problem listed, naming where the text came from. */
export function assertOfficialText(text: string, where: string): void {
  const problems = checkOfficialText(text);
  if (problems.length)
    throw new Error(
      `${where}: ${problems.length} problem(s) in official text:\n${problems
        .map((p) => `  ${p.kind}: ${JSON.stringify(p.match)} in …${p.context}…`)
        .join('\n')}`,
    );
}
