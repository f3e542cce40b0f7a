import { createPowChallenge } from "@/lib/petition/pow";
import { requestLog } from "@/lib/log";

export const dynamic = "force-dynamic";

/** A fresh proof-of-work challenge for the signing form (each is signed, expires, and counts once). */
export async function GET() {
  try {
    return Response.json(await createPowChallenge(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // The form still works without a challenge (the stricter path): say so plainly, cache nothing.
    (await requestLog()).error("altcha: creating a challenge failed", { error });
    return Response.json({ error: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
