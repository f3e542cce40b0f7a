import { PassThrough, Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { exportFileName } from "@/lib/export/csv";
import { openSignatureExport } from "@/lib/export/signatures";
import { requestLog } from "@/lib/log";
import { parseSignatureFilter } from "@/lib/moderation/filter";

// pg and Node streams: never the edge runtime.
export const runtime = "nodejs";

/** CSV of the signatures matching the list's filter (same query parameters). Admins only; audited. */
export async function GET(request: NextRequest): Promise<Response> {
  // First thing: anonymous callers are redirected to the login page, moderators get 403.
  const staff = await requireAdmin();
  const filter = parseSignatureFilter(request.nextUrl.searchParams);
  // Opened (and audited) before answering, so a database failure is a 500, not a truncated file.
  const exported = await openSignatureExport(staff, filter);

  const body = new PassThrough();
  // The request's signal aborts when the browser goes away; a cancelled response body destroys `body`.
  // Either way the pipeline stops and the connection is closed.
  const logger = await requestLog();
  exported.writeTo(body, request.signal).catch((error: unknown) => {
    if (!request.signal.aborted) logger.error("export: writing the CSV failed", { error });
  });

  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("signatures")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
