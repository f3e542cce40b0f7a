import { notFound } from "next/navigation";

// Unknown paths under a language get that language's not-found page (app/[locale]/not-found.tsx).
export default function CatchAll() {
  notFound();
}
