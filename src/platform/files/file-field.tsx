// The file input of an upload form, in the platform's field pattern (label, hint, error linked
// from the error summary). The hint tells the allowed kinds and the size limit up front, and
// `accept` narrows the browser's file picker; the server still judges every file by content.
import { describedBy, FieldFrame, fieldId } from '../views/components.tsx';
import type { ViewContext } from '../views/context.ts';
import type { ValidationIssue } from '../errors.ts';
import { KINDS, type FileKind } from './kinds.ts';
import { formatBytes, kindList } from './check.ts';

export interface FileFieldProps {
  ctx: ViewContext;
  name: string;
  label: string;
  /** The kinds this use accepts (the same list given to checkUpload). */
  kinds: readonly FileKind[];
  /** The per-file limit to show (config.uploadMaxBytes). */
  maxBytes: number;
  issues?: readonly ValidationIssue[];
  /** Replaces the generated hint ("PDF, PNG files, up to 20 MiB each"). */
  hint?: string;
  multiple?: boolean;
  required?: boolean;
}

export function acceptAttribute(kinds: readonly FileKind[]): string {
  return kinds.flatMap((k) => [...KINDS[k].extensions.map((e) => `.${e}`), KINDS[k].mime.split(';')[0]!]).join(',');
}

export function FileField(props: FileFieldProps) {
  const error = props.issues?.find((i) => i.field === props.name);
  const hint =
    props.hint ?? props.ctx.t('file.hint', { kinds: kindList(props.kinds), max: formatBytes(props.maxBytes) });
  const frame = { ...props, hint };
  return (
    <FieldFrame {...frame} error={error}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="file"
        class="file-input"
        accept={acceptAttribute(props.kinds)}
        multiple={props.multiple}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(frame, error)}
      />
    </FieldFrame>
  );
}
