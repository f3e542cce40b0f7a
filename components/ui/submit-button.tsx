"use client";

import { useFormStatus } from "react-dom";

type Props = {
  label: string;
  /** Said instead of the label while the form's action runs (or while `waiting`). */
  pending: string;
  /** "primary" for the form's main action, "secondary" for a lesser one; a plain button otherwise. */
  variant?: "primary" | "secondary";
  /** Tell the action which button was pressed. */
  name?: string;
  value?: string;
  /** A fuller accessible name (e.g. naming the account a row's button acts on); the label stays visible. */
  ariaLabel?: string;
  describedBy?: string;
  /** Shown as in progress before the action starts (the signing form waits for its proof of work). */
  waiting?: boolean;
};

/** The one submit button: says it is working and cannot be pressed twice while its form's action runs. */
export function SubmitButton({ label, pending, variant, name, value, ariaLabel, describedBy, waiting = false }: Props) {
  const status = useFormStatus();
  const busy = status.pending || waiting;
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={variant ? `button button-${variant}` : "button"}
      aria-label={busy ? undefined : ariaLabel}
      aria-describedby={describedBy}
      aria-disabled={busy}
      disabled={status.pending}
    >
      {busy ? pending : label}
    </button>
  );
}
