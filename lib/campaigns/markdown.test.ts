import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderStatement } from "@/lib/campaigns/markdown";

describe("renderStatement", () => {
  it("keeps paragraphs separated by blank lines", () => {
    expect(renderStatement("One.\n\nTwo, with *emphasis* and **strength**.")).toBe("<p>One.</p>\n<p>Two, with <em>emphasis</em> and <strong>strength</strong>.</p>");
    // Wrapped lines stay in their paragraph (the browser shows the line break as a space).
    expect(renderStatement("One\nline.\n\n\nTwo.\r\n  \r\nThree.")).toBe("<p>One\nline.</p>\n<p>Two.</p>\n<p>Three.</p>");
  });

  it("renders the CLAAS statement as exactly its paragraphs", () => {
    const text = readFileSync(path.join(process.cwd(), "prisma/seed/claas-2015/statement.txt"), "utf8");
    const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const html = renderStatement(text);
    const rendered = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(rendered).toEqual(paragraphs);
    expect(html.replace(/<p>[\s\S]*?<\/p>/g, "").trim()).toBe("");
  });

  it("removes script tags with their content", () => {
    const html = renderStatement("Before.\n\n<script>alert(1)</script>\n\nAfter <script>steal()</script> text.");
    expect(html).not.toMatch(/script|alert|steal/);
    expect(html).toContain("<p>Before.</p>");
  });

  it("removes event handler attributes and disallowed tags", () => {
    const html = renderStatement('<img src="x" onerror="alert(1)">\n\nA <b onclick="alert(2)">bold</b> <span style="color:red">word</span>.');
    expect(html).not.toMatch(/onerror|onclick|alert|<img|style|<span|<b>/);
    expect(html).toContain("bold");
    expect(html).toContain("word");
  });

  it("keeps http, https and mailto links with rel, drops javascript: and other schemes", () => {
    const html = renderStatement(
      "[web](https://example.org/a?b=1) [mail](mailto:info@example.org) [bad](javascript:alert(1)) " +
        '<a href="jav&#x61;script:alert(2)">encoded</a> <a href="java\tscript:alert(3)">tab</a> ' +
        '[data](data:text/html,hi) [rel](/relative) <a href="https://example.org" rel="opener" target="_blank">raw</a>',
    );
    expect(html).toContain('<a href="https://example.org/a?b=1" rel="noopener noreferrer">web</a>');
    expect(html).toContain('<a href="mailto:info@example.org" rel="noopener noreferrer">mail</a>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">raw</a>');
    expect(html).not.toMatch(/javascript|script:|data:|relative|target|opener"/i);
    for (const text of ["bad", "encoded", "tab", "data", "rel"]) expect(html).toContain(text);
    expect(html.match(/<a /g)).toHaveLength(3);
  });

  it("allows lists, quotes, line breaks and moves headings under the page's own", () => {
    const html = renderStatement("# Big\n\n#### Small\n\n- one\n- two\n\n1. first\n\n> quoted  \n> next line");
    expect(html).toContain("<h3>Big</h3>");
    expect(html).toContain("<h4>Small</h4>");
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain("<ol>\n<li>first</li>");
    expect(html).toMatch(/<blockquote>\s*<p>quoted<br \/>\s*next line<\/p>\s*<\/blockquote>/);
  });
});
