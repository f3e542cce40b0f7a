import { RETRY_AFTER_SECONDS } from "@/lib/db-unavailable";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  if (database.ok) return Response.json({ status: "ok", database: "up" }, { headers: { "Cache-Control": "no-store" } });
  return Response.json(
    { status: "unavailable", database: "down" },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } },
  );
}
