import "server-only";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Statements are written by staff but shown to everyone, and a staff account can be compromised: the
// HTML is cut down to a short allow-list after rendering, so no Markdown or raw HTML can add script,
// styles, event handlers, images or links to anything but the web and email.

// Our own instance: options set on the global `marked` would leak into any other user of the library.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** True for an absolute http(s) or mailto URL; relative links have no place in a statement. */
function isAllowedHref(href: string | undefined): href is string {
  if (!href) return false;
  try {
    return LINK_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "h3", "h4", "br"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Text of dropped tags is kept (a table's cells, a code block's text); script and style content is not.
  disallowedTagsMode: "discard",
  transformTags: {
    // The page already has h1 (title) and h2 (section): Markdown headings move under them.
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    // An allowed link always gets the rel we set, whatever rel the source had; any other link loses
    // its href and, through exclusiveFilter, its tag, so only its text stays. (Renaming the tag here
    // instead would unbalance sanitize-html's closing tags.)
    a: (_tagName, attribs): sanitizeHtml.Tag =>
      isAllowedHref(attribs.href) ? { tagName: "a", attribs: { href: attribs.href, rel: "noopener noreferrer" } } : { tagName: "a", attribs: {} },
  },
  exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href ? "excludeTag" : false),
};

/** The statement's Markdown as sanitised HTML, safe to insert into a page. */
export function renderStatement(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, SANITIZE).trim();
}
