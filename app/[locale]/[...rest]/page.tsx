import { notFound } from "next/navigation";

// Any unknown path: answered 404 per request, so made-up paths fill no cache.
export const dynamic = "force-dynamic";

// Unknown paths under a language get that language's not-found page (app/[locale]/not-found.tsx).
export default function CatchAll() {
  notFound();
}
