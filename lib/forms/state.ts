// The one state that every form's server action returns (lib/forms/action.ts) and its form renders
// with useActionState. No server imports: forms import it too.

export type FormState<Field extends string = string, Extra extends object = object> = {
  /** The message for the form as a whole (its error summary); null when nothing went wrong. */
  formError: string | null;
  /** Messages that belong beside a field. */
  fieldErrors: Partial<Record<Field, string>>;
  /** What a change did, after a success that stays on the page; null otherwise. */
  notice: string | null;
  /** What was typed, sent back after a failure so that nothing is lost (never a password). */
  values: Partial<Record<Field, string>>;
  /** Changes on every submission, so the form can move focus to its summary again. */
  attempt: number;
} & Extra;

/** A form's state before its first submission. */
export function initialFormState<Field extends string = string>(values: Partial<Record<Field, string>> = {}): FormState<Field> {
  return { formError: null, fieldErrors: {}, notice: null, values, attempt: 0 };
}

/** The text fields of `formData` named in `fields`, each cut at `max` characters (a form echoes them back). */
export function echoFields<Field extends string>(formData: FormData, fields: readonly Field[], max: number): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, max);
  }
  return values;
}
