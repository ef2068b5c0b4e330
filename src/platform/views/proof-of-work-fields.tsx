/**
 * ProofOfWorkFields — the check a public form carries against scripted submissions
 * (platform/pow.ts; assets/pow.js solves it in the browser and hides the question).
 *
 * Parameters: ctx; challenge (the signed challenge string) and question (the arithmetic question in
 * the page's language, answered by hand without JavaScript); legend; hint (optional, under the
 * legend); working and done (what pow.js announces while it works and when it is done); answerLabel
 * (the label of the hand-answered field, followed by the question); issues (the form's, for the
 * answer field's error).
 * Example: the sign-in page after repeated failures, and the public application form.
 */
import type { ValidationIssue } from '../errors.ts';
import type { ViewContext } from './context.ts';
import { TextField } from './components.tsx';

export function ProofOfWorkFields(props: {
  ctx: ViewContext;
  challenge: string;
  question: string;
  legend: string;
  hint?: string;
  working: string;
  done: string;
  answerLabel: string;
  issues: readonly ValidationIssue[];
}) {
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{props.legend}</legend>
      {props.hint && <p class="field__hint">{props.hint}</p>}
      <input type="hidden" name="pow_challenge" value={props.challenge} />
      <input type="hidden" name="pow_nonce" value="" />
      <p
        class="muted"
        data-pow-status="true"
        data-working={props.working}
        data-done={props.done}
        role="status"
        hidden
      />
      <div data-pow-question="true">
        <TextField
          ctx={props.ctx}
          name="pow_answer"
          label={`${props.answerLabel}：${props.question}`}
          value=""
          issues={props.issues}
          width="short"
          autocomplete="off"
        />
      </div>
    </fieldset>
  );
}
