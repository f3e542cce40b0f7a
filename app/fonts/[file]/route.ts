import { readFile } from "node:fs/promises";
import path from "node:path";
import { URDU_FONT_FILE, URDU_FONT_GENERATED, URDU_FONT_SOURCE } from "@/lib/fonts/urdu";
import { log } from "@/lib/log";

let font: Promise<Buffer> | undefined;

async function load(): Promise<Buffer> {
  try {
    return await readFile(path.join(process.cwd(), ...URDU_FONT_GENERATED));
  } catch (error) {
    // The install script that cuts it did not run: the whole file draws the same text, only larger.
    log.warn("fonts: the cut Urdu font is missing (run `node scripts/subset-fonts.mjs`); serving the whole file", { error });
    return readFile(path.join(process.cwd(), ...URDU_FONT_SOURCE));
  }
}

/** The Urdu web font (lib/fonts/urdu.ts); any other name is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file !== URDU_FONT_FILE) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  font ??= load().catch((error: unknown) => {
    font = undefined; // a missing file is a deployment fault: the next request tries again
    throw error;
  });
  return new Response(new Uint8Array(await font), {
    headers: { "Content-Type": "font/woff2", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
