// A labelled form field: its hint and error have ids (`<id>-hint`, `<id>-error`) for the input's
// aria-describedby, and the error is announced when it appears. Used by every form of the site.

/** The ids an input's aria-describedby lists: its hint when it has one, its error when there is one. */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: string }): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
      {children}
    </div>
  );
}

/**
 * A form's field hints: `hinted` lists the fields that have one, and `text` reads it (the type check
 * confirms that each `<field>Hint` is a message); any other field has none.
 */
export function fieldHints<const Hinted extends string>(hinted: readonly Hinted[], text: (field: Hinted) => string): (field: string) => string | undefined {
  const has = (field: string): field is Hinted => (hinted as readonly string[]).includes(field);
  return (field) => (has(field) ? text(field) : undefined);
}
