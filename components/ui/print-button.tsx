"use client";

/** Opens the browser's print dialog (where "Save as PDF" is one of the printers). Without JavaScript the page says how instead. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
