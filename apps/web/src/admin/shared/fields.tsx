// Form controls for the admin screens: each shows the API's message for its field right under it, tied to the control
// with aria-describedby so a screen reader reads it too.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { problemsAt, type FieldProblem } from './admin-api';

interface FieldFrame {
  label: string;
  /** The API's name for the field, e.g. 'capacity.chat'; its problems appear under the control. */
  field?: string;
  problems?: readonly FieldProblem[];
  hint?: string;
}

function useFrame({ field, problems, hint }: FieldFrame) {
  const id = useId();
  const mine = field && problems ? problemsAt(problems, field) : [];
  const describedBy = [hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const below = (
    <>
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {mine.length > 0 && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {mine.map((p) => p.message).join(' · ')}
        </span>
      )}
    </>
  );
  return { id, invalid: mine.length > 0, describedBy: describedBy || undefined, below };
}

export function TextField(
  props: FieldFrame & {
    value: string;
    onChange(value: string): void;
    type?: 'text' | 'email' | 'password' | 'number';
    required?: boolean;
    placeholder?: string;
    min?: number;
    max?: number;
    step?: number | 'any';
    autoComplete?: string;
  },
) {
  const frame = useFrame(props);
  return (
    <div className="field">
      <label htmlFor={frame.id}>{props.label}</label>
      <input
        id={frame.id}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        placeholder={props.placeholder}
        min={props.min}
        max={props.max}
        step={props.step}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={frame.invalid || undefined}
        aria-describedby={frame.describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {frame.below}
    </div>
  );
}

export function TextArea(
  props: FieldFrame & { value: string; onChange(value: string): void; rows?: number; required?: boolean },
) {
  const frame = useFrame(props);
  return (
    <div className="field">
      <label htmlFor={frame.id}>{props.label}</label>
      <textarea
        id={frame.id}
        rows={props.rows ?? 4}
        value={props.value}
        required={props.required}
        aria-invalid={frame.invalid || undefined}
        aria-describedby={frame.describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {frame.below}
    </div>
  );
}

export function SelectField<V extends string>(
  props: FieldFrame & { value: V; onChange(value: V): void; options: readonly { value: V; label: string }[] },
) {
  const frame = useFrame(props);
  return (
    <div className="field">
      <label htmlFor={frame.id}>{props.label}</label>
      <select
        id={frame.id}
        value={props.value}
        aria-invalid={frame.invalid || undefined}
        aria-describedby={frame.describedBy}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {frame.below}
    </div>
  );
}

export function CheckField(props: FieldFrame & { checked: boolean; onChange(checked: boolean): void }) {
  const frame = useFrame(props);
  return (
    <div className="field check-field">
      <label htmlFor={frame.id}>
        <input
          id={frame.id}
          type="checkbox"
          checked={props.checked}
          aria-invalid={frame.invalid || undefined}
          aria-describedby={frame.describedBy}
          onChange={(event) => props.onChange(event.target.checked)}
        />{' '}
        {props.label}
      </label>
      {frame.below}
    </div>
  );
}

/** A set of checkboxes for a list of choices (channels served, team members). */
export function CheckGroup<V extends string>(
  props: FieldFrame & {
    value: readonly V[];
    onChange(value: V[]): void;
    options: readonly { value: V; label: string }[];
  },
) {
  const frame = useFrame(props);
  return (
    <fieldset className="field check-group" aria-describedby={frame.describedBy}>
      <legend>{props.label}</legend>
      {props.options.map((option) => (
        <label key={option.value}>
          <input
            type="checkbox"
            checked={props.value.includes(option.value)}
            onChange={(event) =>
              props.onChange(
                event.target.checked
                  ? [...props.value, option.value]
                  : props.value.filter((value) => value !== option.value),
              )
            }
          />{' '}
          {option.label}
        </label>
      ))}
      {frame.below}
    </fieldset>
  );
}

/**
 * A comma-separated list (skills, tags, topics). The text is kept as typed, so "a, " stays while the next item is
 * typed; the list it means goes to onChange on every keystroke.
 */
export function ListField(
  props: FieldFrame & { value: readonly string[]; onChange(value: string[]): void; placeholder?: string },
) {
  const [text, setText] = useState(props.value.join(', '));
  useEffect(() => {
    if (splitList(text).join('\n') !== props.value.join('\n')) setText(props.value.join(', '));
    // Only an outside change of the list (a reload) replaces the text.
  }, [props.value]);
  return (
    <TextField
      {...props}
      hint={props.hint ?? 'Separate with commas'}
      value={text}
      onChange={(next) => {
        setText(next);
        props.onChange(splitList(next));
      }}
    />
  );
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The API's refusal at the top of a form. When it named fields, each message is shown at its field and this only
 * says so; otherwise (a conflict, a duplicate, a lost connection) the message itself is shown here.
 */
export function FormError({ error, problems }: { error: string | null; problems?: readonly FieldProblem[] }) {
  if (!error) return null;
  const count = problems?.length ?? 0;
  return (
    <div className="form-error" role="alert">
      <p>
        {count > 0
          ? `${count} problem${count === 1 ? '' : 's'}, shown at ${count === 1 ? 'its field' : 'their fields'} below.`
          : error}
      </p>
    </div>
  );
}

/** A destructive button that asks once more in place (no browser dialog). */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  disabled,
}: {
  label: string;
  confirmLabel: string;
  onConfirm(): void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="danger solid"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className="admin-section" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Problems about a group as a whole (field exactly `field`, e.g. 'then': "a rule needs at least one action"). */
export function WholeProblems({ problems, field }: { problems: readonly FieldProblem[]; field: string }) {
  const whole = problems.filter((p) => p.field === field);
  if (!whole.length) return null;
  return (
    <p className="field-error" role="alert">
      {whole.map((p) => p.message).join(' · ')}
    </p>
  );
}
