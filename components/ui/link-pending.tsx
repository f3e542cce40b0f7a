"use client";

import { useLinkStatus } from "next/link";
import { useWords } from "@/components/ui/words";

/**
 * Progress for a client-side navigation, placed inside a <Link>. Public pages do not stream a
 * loading.tsx (docs/decisions/005), so this is what shows that a slow page is on its way.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  const { loading } = useWords();
  return (
    <span className={pending ? "link-pending is-pending" : "link-pending"} role="status">
      {pending && <span className="visually-hidden">{loading}</span>}
    </span>
  );
}
