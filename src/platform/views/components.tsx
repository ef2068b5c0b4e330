/**
 * Form components. Each takes the field's name, label and the list of validation issues; the
 * issue for the field is shown above the input and linked from the error summary (the pattern
 * of govuk-frontend), and the input gets aria-invalid and aria-describedby.
 *
 *  ErrorSummary({ ctx, issues })           — at the top of a form; links to each field (#field-NAME)
 *  TextField({ ctx, name, label, value, issues, hint?, type?, autocomplete?, required?, width? })
 *  SelectField({ ctx, name, label, value, options: [{value, label}], issues, hint? })
 *  GroupedSelectField({ ctx, name, label, value, groups: [{label, options}], issues?, hint?, empty?, required? })
 *                                          — options in <optgroup>s; `empty` adds a first "" option
 *  CheckboxField({ ctx, name, label, checked, hint? }) — a single checkbox posting "1"
 *  PostButton({ ctx, action, label, confirm?, warning?, secondary?, hiddenLabel? })
 *                                          — a one-button POST form with the CSRF field; `confirm`
 *                                            sets data-confirm (app.js asks first)
 *  CsrfField({ ctx })                      — the hidden token every POST form carries
 *  Notice({ kind, children })              — success / warning banners (role=status / alert)
 *  PostForm({ ctx, action, children })     — a POST form (novalidate) with its CSRF field
 *  Fieldset({ legend, children, data? })   — a group of fields under its legend
 *  formFields(ctx, values, issues)         — Text, Date and Select fields bound to a form's values and
 *                                            issues, so a field names only its name, label and options
 *  TableWrap({ ctx, children, label?, labelledBy? }) — a wide table's scrolling region
 *  SubmitRow({ ctx, label? })              — a form's submit button in its row
 *  ButtonLink({ href, label })             — a link styled as a button, in its own paragraph
 */
import type { ComponentChildren } from 'preact';
import type { ValidationIssue } from '../errors.ts';
import { pick } from '../i18n/i18n.ts';
import type { ViewContext } from './context.ts';

export function fieldId(name: string): string {
  return `field-${name}`;
}

export function ErrorSummary(props: { ctx: ViewContext; issues: readonly ValidationIssue[] }) {
  if (props.issues.length === 0) return null;
  const { ctx } = props;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-autofocus="true">
      <h2 id="error-summary-title" class="error-summary__title">
        {ctx.t('error.summary_title')}
      </h2>
      <ul class="error-summary__list">
        {props.issues.map((i) => (
          <li>
            <a href={`#${fieldId(i.field)}`}>{pick(ctx.locale, i.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: ViewContext;
  name: string;
  label: string;
  issues?: readonly ValidationIssue[];
  hint?: string;
  required?: boolean;
}

export function FieldFrame(props: FieldProps & { children: ComponentChildren; error?: ValidationIssue }) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {props.label}
        {props.required && (
          <span class="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          {pick(props.ctx.locale, props.error.message)}
        </p>
      )}
      {props.children}
    </div>
  );
}

/**
 * The error message of one field, for forms that lay out their own field frame (the transition
 * forms of the item and report-document pages). Parameters: ctx; issues (all of the form's);
 * name (the field's name: the message has id field-<name>-error, for aria-describedby). Renders
 * nothing when the field has no issue.
 */
export function FieldError(props: { ctx: ViewContext; issues: readonly ValidationIssue[]; name: string }) {
  const found = props.issues.find((i) => i.field === props.name);
  return found ? (
    <p class="field__error" id={`${fieldId(props.name)}-error`}>
      {pick(props.ctx.locale, found.message)}
    </p>
  ) : null;
}

export function describedBy(props: FieldProps, error: ValidationIssue | undefined): string | undefined {
  const id = fieldId(props.name);
  const ids = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    value?: string | null;
    type?: string;
    autocomplete?: string;
    width?: 'short' | 'medium' | 'long';
    multiline?: boolean;
  },
) {
  const error = props.issues?.find((i) => i.field === props.name);
  const common = {
    id: fieldId(props.name),
    name: props.name,
    class: `input input--${props.width ?? 'long'}`,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props, error),
    required: props.required,
  };
  return (
    <FieldFrame {...props} error={error}>
      {props.multiline ? (
        <textarea {...common} rows={5}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value ?? ''} autoComplete={props.autocomplete} />
      )}
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { value?: string | null; options: readonly { value: string; label: string }[] },
) {
  const error = props.issues?.find((i) => i.field === props.name);
  return (
    <FieldFrame {...props} error={error}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        class="select"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props, error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CsrfField(props: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

export function Notice(props: { kind: 'success' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${props.kind}`} role={props.kind === 'warning' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export interface OptionGroup {
  readonly label: string;
  readonly options: readonly { value: string; label: string }[];
}

export function GroupedSelectField(
  props: FieldProps & { value?: string | null; groups: readonly OptionGroup[]; empty?: string },
) {
  const error = props.issues?.find((i) => i.field === props.name);
  const value = props.value ?? '';
  return (
    <FieldFrame {...props} error={error}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        class="select"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props, error)}
      >
        {props.empty !== undefined && (
          <option value="" selected={value === ''}>
            {props.empty}
          </option>
        )}
        {props.groups.map((g) => (
          <optgroup label={g.label}>
            {g.options.map((o) => (
              <option value={o.value} selected={o.value === value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField(props: {
  ctx: ViewContext;
  name: string;
  label: string;
  checked: boolean;
  hint?: string;
}) {
  const id = fieldId(props.name);
  return (
    <div class="field checkbox">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value="1"
        checked={props.checked}
        class="checkbox__input"
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label class="checkbox__label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

export function PostButton(props: {
  ctx: ViewContext;
  action: string;
  label: string;
  confirm?: string;
  warning?: boolean;
  secondary?: boolean;
  /** Extra words for screen readers, e.g. which role a "Revoke" button revokes. */
  hiddenLabel?: string;
}) {
  const cls = props.warning ? 'button button--warning' : props.secondary ? 'button button--secondary' : 'button';
  return (
    <form method="post" action={props.action} class="inline-form" data-confirm={props.confirm}>
      <CsrfField ctx={props.ctx} />
      <button type="submit" class={cls}>
        {props.label}
        {props.hiddenLabel && <span class="visually-hidden"> — {props.hiddenLabel}</span>}
      </button>
    </form>
  );
}

/** A wide table's scrolling frame: a named region a keyboard can reach, so a narrow screen can scroll it.
 *  Named "table" unless given its own name (`label`) or the id of a heading that names it (`labelledBy`). */
export function TableWrap(props: {
  ctx: ViewContext;
  children: ComponentChildren;
  label?: string;
  labelledBy?: string;
}) {
  const label = props.labelledBy ? undefined : (props.label ?? props.ctx.t('common.table_region'));
  return (
    <div class="table-wrap" role="region" aria-label={label} aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </div>
  );
}

/** A form's submit button in its row, labelled "Save" unless told otherwise. */
export function SubmitRow(props: { ctx: ViewContext; label?: string }) {
  return (
    <div class="button-row">
      <button type="submit" class="button">
        {props.label ?? props.ctx.t('action.save')}
      </button>
    </div>
  );
}

/** A POST form with its CSRF field. `novalidate`: the server's messages, in both languages, are the ones shown. */
export function PostForm(props: { ctx: ViewContext; action: string; children: ComponentChildren }) {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField ctx={props.ctx} />
      {props.children}
    </form>
  );
}

/** A group of fields under its legend; `data` names the group for scripts and tests (data-fieldset).
 *  `forChoice`: the values of the form's choice (a `[data-choice]` select) the group belongs to, space
 *  separated; app.js hides the group for any other value, as the server does with `hidden`. */
export function Fieldset(props: {
  legend: string;
  children: ComponentChildren;
  data?: string;
  hidden?: boolean;
  forChoice?: string;
}) {
  return (
    <fieldset class="fieldset" data-fieldset={props.data} data-for-choice={props.forChoice} hidden={props.hidden}>
      <legend class="fieldset__legend">{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/** A form's values as typed (strings by field name). */
export type FormValues = Readonly<Record<string, string | undefined>>;

type TextProps = Parameters<typeof TextField>[0];
type SelectProps = Parameters<typeof SelectField>[0];
/** A bound field's props: its value is the form's value of its name unless given. */
type Bound<P> = Omit<P, 'ctx' | 'issues' | 'value'> & { value?: string | null };

/**
 * The fields of one form bound to its values and issues: `const f = formFields(ctx, values, issues)`,
 * then `<f.Text name="ref" label={…} width="short" />`. Each renders exactly as the field it wraps
 * (TextField, a date TextField of short width, SelectField).
 */
export function formFields(ctx: ViewContext, values: FormValues, issues: readonly ValidationIssue[]) {
  const valueOf = (p: { name: string; value?: string | null }) => ('value' in p ? p.value : values[p.name]);
  return {
    Text: (p: Bound<TextProps>) => <TextField ctx={ctx} issues={issues} {...p} value={valueOf(p)} />,
    Date: (p: Bound<TextProps>) => (
      <TextField ctx={ctx} issues={issues} type="date" width="short" {...p} value={valueOf(p)} />
    ),
    Select: (p: Bound<SelectProps>) => <SelectField ctx={ctx} issues={issues} {...p} value={valueOf(p)} />,
  };
}

/** A link styled as a button, in its own paragraph: the page's main action ("register", "new case"). */
export function ButtonLink(props: { href: string; label: string }) {
  return (
    <p>
      <a class="button" href={props.href}>
        {props.label}
      </a>
    </p>
  );
}
