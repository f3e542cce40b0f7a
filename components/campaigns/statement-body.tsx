import { renderStatement } from "@/lib/campaigns/markdown";

/**
 * A statement's Markdown as HTML. Inserting HTML is safe here only because renderStatement sanitises
 * it to a short allow-list; never pass it anything else. A server component: the Markdown and
 * sanitising libraries stay out of the browser bundle.
 */
export function StatementBody({ markdown }: { markdown: string }) {
  return <div className="statement-body" dangerouslySetInnerHTML={{ __html: renderStatement(markdown) }} />;
}
