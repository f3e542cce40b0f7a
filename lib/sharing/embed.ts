import { localised, paths } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site-url";

// The embeddable widget's contract with the pages that host it: the message it posts, and the
// snippet an admin copies (docs/api.md describes both).

export const EMBED_MESSAGE = "advocate:height";
/** The utm_source of signatures made in a widget whose snippet names no other. */
export const EMBED_SOURCE = "embed";

/** HTML to paste into another site: the iframe, and a script that follows the widget's height. */
export function embedSnippet(locale: string, slug: string, title: string, source?: string): string {
  const url = new URL(absoluteUrl(localised(locale, paths.embed(slug))));
  if (source) url.searchParams.set("utm_source", source);
  const origin = url.origin;
  const attr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return [
    `<iframe src="${attr(url.toString())}" title="${attr(title)}" style="width:100%;max-width:32rem;height:44rem;border:0" loading="lazy"></iframe>`,
    "<script>",
    `addEventListener("message", function (event) {`,
    `  if (event.origin !== ${JSON.stringify(origin)} || !event.data || event.data.type !== ${JSON.stringify(EMBED_MESSAGE)}) return;`,
    `  document.querySelectorAll("iframe").forEach(function (frame) {`,
    `    if (frame.contentWindow === event.source) frame.style.height = Math.min(Number(event.data.height) || 0, 4000) + "px";`,
    "  });",
    "});",
    "</script>",
  ].join("\n");
}
