/**
 * SynonymsPage — the search's dictionary of abbreviations and synonyms, for the system
 * administrator: every group with its terms in a form of its own (save, remove), and a form to add
 * a group. Parameters: ctx; groups (id, terms, updatedAt); issues and values of the form shown
 * again (the add form's field is `terms`, a group's `group-<id>`); notice after a change.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice, PostButton, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { SynonymGroup } from '../synonyms.ts';

export function SynonymsPage(props: {
  ctx: ViewContext;
  groups: readonly SynonymGroup[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  notice?: 'saved' | 'removed' | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('search.synonyms.title')}>
      <h1>{t('search.synonyms.title')}</h1>
      <p class="lead">{t('search.synonyms.lead')}</p>
      {props.notice && <Notice kind="success">{t(`search.synonyms.${props.notice}`)}</Notice>}
      <ErrorSummary ctx={ctx} issues={props.issues} />

      <h2>{t('search.synonyms.add')}</h2>
      <form method="post" action="/admin/search/synonyms" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="terms"
          label={t('search.synonyms.terms')}
          hint={t('search.synonyms.terms_hint')}
          value={props.values.terms ?? ''}
          issues={props.issues}
          required
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('search.synonyms.add')}
          </button>
        </div>
      </form>

      <h2>{t('search.synonyms.count', { n: props.groups.length })}</h2>
      <ol class="synonym-groups">
        {props.groups.map((g, i) => {
          const name = `group-${g.id}`;
          return (
            <li>
              <form method="post" action={`/admin/search/synonyms/${g.id}`} novalidate>
                <CsrfField ctx={ctx} />
                <TextField
                  ctx={ctx}
                  name={name}
                  label={t('search.synonyms.group', { n: i + 1 })}
                  hint={`${t('search.synonyms.updated')}：${g.updatedAt.slice(0, 10)}`}
                  value={props.values[name] ?? g.terms.join('、')}
                  issues={props.issues}
                />
                <div class="button-row">
                  <button type="submit" class="button button--secondary">
                    {t('search.synonyms.save')}
                    <span class="visually-hidden"> — {g.terms.join('、')}</span>
                  </button>
                </div>
              </form>
              <PostButton
                ctx={ctx}
                action={`/admin/search/synonyms/${g.id}/delete`}
                label={t('search.synonyms.remove')}
                hiddenLabel={g.terms.join('、')}
                confirm={t('search.synonyms.remove_confirm')}
                warning
              />
            </li>
          );
        })}
      </ol>
    </Layout>
  );
}
