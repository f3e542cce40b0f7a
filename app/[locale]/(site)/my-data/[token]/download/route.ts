import { ownData } from "@/lib/privacy/own-data";

// POST (the page's button), so that mail scanners following links never fetch personal data.
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const data = await ownData((await params).token);
  if (!data) return Response.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-signature.json"',
      "Cache-Control": "no-store",
    },
  });
}
