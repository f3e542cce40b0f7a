"use client";

import { useFormStatus } from "react-dom";

/** A submit button that says it is working while its form's action runs. */
export function PendingButton({ label, pending, className = "button", ariaLabel, describedBy }: { label: string; pending: string; className?: string; ariaLabel?: string; describedBy?: string }) {
  const status = useFormStatus();
  return (
    <button type="submit" className={className} disabled={status.pending} aria-label={status.pending ? undefined : ariaLabel} aria-describedby={describedBy}>
      {status.pending ? pending : label}
    </button>
  );
}
