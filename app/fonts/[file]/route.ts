import { readFile } from "node:fs/promises";
import path from "node:path";
import { URDU_FONT_FILE, URDU_FONT_SOURCE } from "@/lib/fonts/urdu";

let font: Promise<Buffer> | undefined;

/** The Urdu web font (lib/fonts/urdu.ts); any other name is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file !== URDU_FONT_FILE) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  font ??= readFile(path.join(process.cwd(), "node_modules", ...URDU_FONT_SOURCE)).catch((error: unknown) => {
    font = undefined; // a missing file is a deployment fault: the next request tries again
    throw error;
  });
  return new Response(new Uint8Array(await font), {
    headers: { "Content-Type": "font/woff2", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
