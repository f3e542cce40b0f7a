// Submitting the app's forms the way a browser without JavaScript does: read the form's hidden fields
// (Next.js renders the server action's id and bound arguments as `$ACTION_…` inputs for progressive
// enhancement) and post them back, with the visible fields, as multipart/form-data.
import { randomBytes } from "node:crypto";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

/**
 * The hidden fields of the first POST form whose opening tag matches `formMarker` (e.g. a class), in
 * document order. Throws when the form is missing: the benchmark must not silently post nothing.
 */
export function hiddenFields(html: string, formMarker: RegExp = /method="post"/i): [string, string][] {
  const forms = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/gi) ?? [];
  const form = forms.find((candidate) => formMarker.test(/<form\b[^>]*>/i.exec(candidate)![0]));
  if (!form) throw new Error(`no form matching ${formMarker} in the page`);
  const fields: [string, string][] = [];
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(tag, "name");
    if (name && attribute(tag, "type")?.toLowerCase() === "hidden") fields.push([name, attribute(tag, "value") ?? ""]);
  }
  if (!fields.some(([name]) => name.startsWith("$ACTION"))) throw new Error("the form carries no server action fields ($ACTION_…)");
  return fields;
}

/** A multipart/form-data body, as a browser sends it (`text` for fetch, `body` for autocannon). */
export function multipart(fields: [string, string][]): { text: string; body: Buffer; contentType: string } {
  const boundary = `----AdvocateBench${randomBytes(8).toString("hex")}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n${value}\r\n`);
  const text = `${parts.join("")}--${boundary}--\r\n`;
  return { text, body: Buffer.from(text), contentType: `multipart/form-data; boundary=${boundary}` };
}
