import { unsubscribe } from "@/lib/updates/service";

// RFC 8058 one-click unsubscribe: a mail app (or its provider's server) posts
// "List-Unsubscribe=One-Click" here when the reader presses its own "Unsubscribe". No page, no
// cookie, no Origin (proxy.ts lets this path through): the signed token names the signature, and the
// only thing it can do is turn its consent to updates off. A GET does nothing (scanners follow links).

type Params = { params: Promise<{ token: string }> };

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function POST(_request: Request, { params }: Params) {
  const outcome = await unsubscribe((await params).token);
  if (outcome === "invalid") return text("This unsubscribe link is not valid.", 404);
  return text("Unsubscribed: no more campaign updates will be sent to this address.", 200);
}
