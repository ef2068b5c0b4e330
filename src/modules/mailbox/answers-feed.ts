// The Atom feed (RFC 4287) of the 互动交流 column: the published letters, their guarded texts only
// (letter.presenter.ts ran the personal-data guard before anything reaches here).
import type { PublicAnswer } from './letter.presenter.ts';

function xml(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Midnight in China on a date, as an RFC 3339 instant. */
const instant = (date: string) => `${date}T00:00:00+08:00`;

export function answersFeed(input: {
  base: string;
  path: string;
  title: string;
  answers: readonly PublicAnswer[];
}): string {
  const { base, answers } = input;
  const updated = answers.reduce((max, a) => (a.repliedOn > max ? a.repliedOn : max), '1970-01-01');
  const entries = answers
    .map(
      (a) => `  <entry>
    <id>${xml(`${base}/mailbox/answers/${a.id}`)}</id>
    <title>${xml(a.subject)}</title>
    <link rel="alternate" href="${xml(`${base}/mailbox/answers/${a.id}`)}"/>
    <published>${instant(a.receivedOn)}</published>
    <updated>${instant(a.repliedOn)}</updated>
    <author><name>${xml(a.agencyName)}</name></author>
    <summary>${xml(a.reply.slice(0, 200))}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(`${base}${input.path}`)}</id>
  <title>${xml(input.title)}</title>
  <link rel="self" href="${xml(`${base}${input.path}`)}"/>
  <link rel="alternate" href="${xml(`${base}/mailbox/answers`)}"/>
  <updated>${instant(updated)}</updated>
${entries}
</feed>
`;
}
