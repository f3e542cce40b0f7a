import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderStatement } from "@/lib/campaigns/markdown";
import { hostileText, PAYLOADS } from "@/lib/test/hostile";

// Statements are Markdown written by staff and inserted as HTML into the public page
// (components/campaigns/statement-body.tsx). Whatever the Markdown, the HTML may hold only the
// allow-listed tags, no attribute but href/rel on links, and only http(s) and mailto links.

const ALLOWED_TAGS = new Set(["p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "h3", "h4", "br"]);

// Markdown and HTML constructs that carry a payload: links, autolinks, reference links, raw tags,
// entities that spell "javascript:", attributes split by whitespace, comments, CDATA.
const linkTarget = fc.constantFrom(
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  " javascript:alert(1)",
  "jav&#x61;script:alert(1)",
  "jav&#97;script:alert(1)",
  "java\tscript:alert(1)",
  "java%0ascript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  "//evil.example/x",
  "/relative",
  "https://example.org/?a=<b>&c=\"d\"",
  "mailto:a@example.org",
);
const construct = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  linkTarget.map((url) => `[x](${url})`),
  linkTarget.map((url) => `<${url}>`),
  linkTarget.map((url) => `[x][r]\n\n[r]: ${url}`),
  linkTarget.map((url) => `<a href="${url}" onclick="alert(1)">x</a>`),
  linkTarget.map((url) => `![img](${url})`),
  fc.constantFrom(
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>body{display:none}</style>",
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<a\nhref=javascript:alert(1)>x</a>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<details open ontoggle=alert(1)>",
    "```html\n<script>alert(1)</script>\n```",
    "    <script>alert(1)</script>",
    "# <img src=x onerror=alert(1)>",
    "> <svg/onload=alert(1)>",
    "* [a](javascript:alert(1))\n* b",
  ),
);
const markdown = fc.array(fc.oneof({ weight: 3, arbitrary: construct }, { weight: 1, arbitrary: hostileText(4) }, { weight: 1, arbitrary: fc.constantFrom("\n", "\n\n", " ", "*", "_", "`", "<", ">", "&", "\\") }), { maxLength: 12 }).map((parts) => parts.join(""));

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower]!;
  });

describe("renderStatement with hostile Markdown", () => {
  // Catches: a tag or attribute outside the allow-list getting through (script, iframe, img with
  // onerror, style), a link whose scheme is javascript:, data: or protocol-relative (also when spelled
  // with entities, case or whitespace), and an allowed link without the rel the sanitiser sets.
  it("emits only allow-listed tags, no handlers, and only http(s) and mailto links", () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const html = renderStatement(source);
        // Every "<" in the output opens a tag (text has it as &lt;), so the tags can be read off directly.
        for (const [, closing, name, attributes] of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g)) {
          const tag = name!.toLowerCase();
          expect(ALLOWED_TAGS).toContain(tag);
          const attrs = [...attributes!.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)].map((m) => ({ name: m[1]!.toLowerCase(), value: decode(m[2] ?? "") }));
          for (const attribute of attrs) expect(tag === "a" ? ["href", "rel"] : []).toContain(attribute.name);
          const href = attrs.find((attribute) => attribute.name === "href");
          if (href) expect(["http:", "https:", "mailto:"]).toContain(new URL(href.value).protocol);
          if (tag === "a" && !closing) expect(attrs).toContainEqual({ name: "rel", value: "noopener noreferrer" });
        }
        // Payload text may stay (as text, escaped): "javascript:" in a paragraph is inert; a tag is not.
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: 1_000 },
    );
  });
});
