import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EMBED_MESSAGE, embedSnippet } from "@/lib/sharing/embed";

// The snippet an admin pastes into another site: read back as that site's browser would, the iframe's
// attributes decoded and the script run against a stand-in page.
beforeAll(() => void vi.stubEnv("APP_URL", "https://embed.example/"));
afterAll(() => void vi.unstubAllEnvs());

/** The iframe's attributes, their character references decoded. */
function iframe(snippet: string): Record<string, string> {
  const tag = /^<iframe((?:\s+[a-z-]+="[^"]*")*)><\/iframe>$/m.exec(snippet);
  if (!tag) throw new Error(`no well-formed iframe in ${snippet}`);
  const decode = (value: string) => value.replace(/&(quot|lt|gt|amp|#39);/g, (_, name: string) => ({ quot: '"', lt: "<", gt: ">", amp: "&", "#39": "'" })[name]!);
  return Object.fromEntries([...tag[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name, decode(value!)]));
}

/** Runs the snippet's script on a page with these frames; returns a way to post them messages. */
function host(snippet: string, frames: { contentWindow: object; style: { height: string } }[]) {
  const script = /<script>([\s\S]*)<\/script>/.exec(snippet)![1]!;
  const listeners: ((event: unknown) => void)[] = [];
  runInNewContext(script, {
    addEventListener: (type: string, listener: (event: unknown) => void) => type === "message" && listeners.push(listener),
    document: { querySelectorAll: (selector: string) => (selector === "iframe" ? frames : []) },
  });
  expect(listeners).toHaveLength(1);
  return (event: { origin: string; source: object; data: unknown }) => listeners.forEach((listener) => listener(event));
}

describe("embedSnippet", () => {
  it("frames the campaign's widget page in the admin's language", () => {
    expect(iframe(embedSnippet("en", "claas-2015", "Title")).src).toBe("https://embed.example/en/embed/claas-2015");
    expect(iframe(embedSnippet("ur", "claas-2015", "Title")).src).toBe("https://embed.example/ur/embed/claas-2015");
    expect(iframe(embedSnippet("en", "claas-2015", "Title", "partner site")).src).toBe("https://embed.example/en/embed/claas-2015?utm_source=partner+site");
  });

  it("escapes the slug, the title and the source, so none can leave its attribute", () => {
    const title = `Rights "now" <b>&</b> it's 'quoted' > here`;
    const snippet = embedSnippet("en", `a"b<c>&d'e`, title, `x"&y=<z>`);
    const attributes = iframe(snippet);
    expect(attributes.title).toBe(title);
    const src = new URL(attributes.src!);
    expect(decodeURIComponent(src.pathname)).toBe(`/en/embed/a"b<c>&d'e`);
    expect(src.searchParams.get("utm_source")).toBe(`x"&y=<z>`);
    expect(Object.keys(attributes)).toEqual(["src", "title", "style", "loading"]);
    // Nothing of the title is markup: the only tags are the snippet's own.
    expect(snippet.match(/<\/?[a-z]+/g)).toEqual(["<iframe", "</iframe", "<script", "</script"]);
  });

  it("sizes its own iframe to the height the widget posts, only from the widget's origin", () => {
    const widget = { contentWindow: {}, style: { height: "" } };
    const other = { contentWindow: {}, style: { height: "" } };
    const post = host(embedSnippet("en", "claas-2015", "Title"), [other, widget]);
    const message = (height: unknown) => ({ type: EMBED_MESSAGE, height });

    post({ origin: "https://embed.example", source: widget.contentWindow, data: message(612) });
    expect([widget.style.height, other.style.height]).toEqual(["612px", ""]);

    // Another origin (a look-alike, the host page itself, a subdomain) is ignored, whatever it sends.
    for (const origin of ["https://evil.example", "https://embed.example.evil.example", "http://embed.example", "https://www.embed.example", "null"]) {
      post({ origin, source: widget.contentWindow, data: message(10) });
    }
    // So is a message of another kind, or none.
    post({ origin: "https://embed.example", source: widget.contentWindow, data: { type: "other", height: 10 } });
    post({ origin: "https://embed.example", source: widget.contentWindow, data: null });
    expect(widget.style.height).toBe("612px");

    // A height is a number, and at most 4000 px.
    post({ origin: "https://embed.example", source: widget.contentWindow, data: message(99999) });
    expect(widget.style.height).toBe("4000px");
    post({ origin: "https://embed.example", source: widget.contentWindow, data: message("1px; background:url(x)") });
    expect(widget.style.height).toBe("0px");
    expect(other.style.height).toBe("");
  });
});
