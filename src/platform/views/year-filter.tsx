/** YearFilter({ ctx, action, year, label }) — a GET form choosing the year a page shows. */
import type { ViewContext } from './context.ts';

export function YearFilter(props: { ctx: ViewContext; action: string; year: number; label: string }) {
  return (
    <form method="get" action={props.action} class="inline-form">
      <label class="field__label" for="field-year-view">
        {props.label}
      </label>
      <input
        id="field-year-view"
        name="year"
        class="input input--short"
        value={String(props.year)}
        inputMode="numeric"
      />{' '}
      <button type="submit" class="button button--secondary">
        {props.ctx.t('pub.list.filter')}
      </button>
    </form>
  );
}
