import type { Metadata } from "next";
import { EmbedResize } from "@/components/embed/embed-resize";

// The widget other sites put in an iframe: no site header or footer, not indexed. proxy.ts lets only
// these pages be framed by other origins.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="embed">
      {children}
      <EmbedResize />
    </main>
  );
}
