"use client";

import { useEffect, useRef } from "react";

// Pieces shared by the campaign form and the vote import form (fields: components/ui/field.tsx).



/**
 * The summary at the top of a form that failed: the message, then a link to each field in error.
 * Focus moves to it after each failed submission (`attempt` changes), so a screen reader hears it.
 */
export function ErrorSummary({ id, title, message, errors, attempt }: { id: string; title: string; message: string | null; errors: [fieldId: string, error: string][]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (!message) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{message}</p>
      {errors.length > 0 && (
        <ul>
          {errors.map(([fieldId, error]) => (
            <li key={fieldId}>
              <a href={`#${fieldId}`}>{error}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
