// The saved versions of a notice template as its edit page lists them: who saved each, when (China
// time) and why, with the text it saved.
import { formatChinaTime } from '../../../platform/clock.ts';
import type { VersionWithAuthor } from './templates.service.ts';

export interface TemplateVersionItem {
  readonly version: number;
  /** YYYY-MM-DD HH:MM, China time. */
  readonly savedAt: string;
  /** Null for the version seeded from the built-in text. */
  readonly authorName: string | null;
  readonly reason: string;
  readonly title: string;
  readonly body: string;
}

export function presentTemplateHistory(rows: readonly VersionWithAuthor[]): TemplateVersionItem[] {
  return rows.map((h) => ({
    version: h.version,
    savedAt: formatChinaTime(h.created_at),
    authorName: h.author_name,
    reason: h.reason,
    title: h.title,
    body: h.body,
  }));
}
