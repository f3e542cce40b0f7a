import { createPowChallenge } from "@/lib/petition/pow";

export const dynamic = "force-dynamic";

/** A fresh proof-of-work challenge for the signing form (each is signed, expires, and counts once). */
export async function GET() {
  try {
    return Response.json(await createPowChallenge(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // The form still works without a challenge (the stricter path): say so plainly, cache nothing.
    console.error("altcha: creating a challenge failed:", error instanceof Error ? error.message : error);
    return Response.json({ error: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
