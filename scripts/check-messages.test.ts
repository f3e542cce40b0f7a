// Every message catalog matches English (the same keys, the same ICU arguments), checked with the same
// function as `npx tsx scripts/check-messages.mjs`; then the checker itself.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkMessageDirectory, compareCatalogs, formatReports, messageSignature, parseMessage, unformattedMessages } from "./lib/check-messages";

const MESSAGES = path.resolve(import.meta.dirname, "../messages");

describe("the message catalogs", () => {
  it("all have the keys and the ICU arguments of en.json", () => {
    const reports = checkMessageDirectory(MESSAGES);
    expect(reports.map((r) => r.locale)).toEqual(expect.arrayContaining(["en", "ur"]));
    const problems = reports.flatMap((r) => r.problems.map((p) => `${r.locale}: ${p.kind} ${p.key}${p.detail ? `: ${p.detail}` : ""}`));
    expect(problems, formatReports(reports)).toEqual([]);
  });
});

describe("compareCatalogs", () => {
  const en = {
    A: { title: "Hello {name}", count: "{count, plural, =0 {none} one {# item} other {# items}}" },
    B: { percent: "{value, number, percent} done", kind: "{kind, select, admin {Admin} other {Someone}}", rich: "Read <link>the terms</link>" },
  };
  const kinds = (candidate: unknown, locale = "ur") => compareCatalogs(en, candidate, locale).problems.map((p) => `${p.kind} ${p.key}${p.detail ? `: ${p.detail}` : ""}`);
  const ok = {
    A: { title: "{name} آداب", count: "{count, plural, =0 {کچھ نہیں} one {# چیز} other {# چیزیں}}" },
    B: { percent: "{value, number, percent} مکمل", kind: "{kind, select, admin {ایڈمن} other {کوئی}}", rich: "<link>شرائط</link> پڑھیں" },
  };

  it("accepts a faithful translation", () => {
    expect(kinds(ok)).toEqual([]);
  });

  it("lists missing and extra keys, whole groups once", () => {
    expect(kinds({ A: { title: ok.A.title, count: ok.A.count, extra: "x" }, C: { d: "y", e: "z" } })).toEqual([
      "extra A.extra",
      "missing B: the whole group (3 messages)",
      "extra C: a whole group (2 messages) not in English",
    ]);
  });

  it("finds placeholders that are lost, renamed, added or formatted differently", () => {
    expect(kinds({ ...ok, A: { ...ok.A, title: "آداب {nam}" } })).toEqual(["arguments A.title: missing {name}; unexpected {nam}"]);
    expect(kinds({ ...ok, A: { ...ok.A, title: "آداب" } })).toEqual(["arguments A.title: missing {name}"]);
    expect(kinds({ ...ok, B: { ...ok.B, percent: "{value, number} مکمل" } })).toEqual(["arguments B.percent: missing {value, number, percent}; unexpected {value, number}"]);
    expect(kinds({ ...ok, B: { ...ok.B, rich: "شرائط پڑھیں" } })).toEqual(["arguments B.rich: missing <link>"]);
    expect(kinds({ ...ok, A: { ...ok.A, count: "{count} چیزیں" } })).toEqual(["arguments A.count: missing {count, plural}; unexpected {count}"]);
  });

  it("keeps plural exact options and #, and knows each language's plural categories", () => {
    expect(kinds({ ...ok, A: { ...ok.A, count: "{count, plural, one {# چیز} other {# چیزیں}}" } })).toEqual(["plural A.count: {count} has lost the exact option =0"]);
    expect(kinds({ ...ok, A: { ...ok.A, count: "{count, plural, =0 {کچھ نہیں} other {کئی چیزیں}}" } })).toEqual(["plural A.count: the “other” option of {count} has no #"]);
    expect(kinds({ ...ok, A: { ...ok.A, count: "{count, plural, =0 {x} one {# a} few {# b} other {# c}}" } })).toEqual([
      "plural A.count: {count} uses few, which ur never selects (its categories: one, other)",
    ]);
    expect(kinds({ ...ok, A: { ...ok.A, count: "{count, plural, =0 {x} one {# a} few {# b} other {# c}}" } }, "pl")).toEqual([]);
  });

  it("compares select options", () => {
    expect(kinds({ ...ok, B: { ...ok.B, kind: "{kind, select, admn {ایڈمن} other {کوئی}}" } })).toEqual(["select B.kind: {kind, select}: missing option admin; unexpected option admn"]);
  });

  it("reports messages that do not parse, and values of the wrong type", () => {
    expect(kinds({ ...ok, A: { ...ok.A, title: "آداب {name" } })).toEqual([expect.stringMatching(/^syntax A.title: .* \(at character \d+\)$/)]);
    expect(kinds({ ...ok, A: { ...ok.A, count: "{count, plural, one {# چیز}}" } })).toEqual([expect.stringMatching(/^syntax A.count: .*other/)]);
    expect(kinds({ ...ok, A: "سلام" })).toEqual(["type A: a group of messages in English, a single value here"]);
    expect(kinds({ ...ok, A: { ...ok.A, title: 5 } })).toEqual(["type A.title: a message in English, 5 here"]);
    expect(kinds({ ...ok, A: { ...ok.A, title: "" } })).toEqual(["empty A.title: the message is empty", "arguments A.title: missing {name}"]);
  });

  it("warns about key order and messages left in English, without failing", () => {
    const swapped = { B: ok.B, A: { count: ok.A.count, title: "Hello {name}" } };
    const result = compareCatalogs(en, swapped, "ur");
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      "the key order differs from English, first at B.percent (English has A.title there)",
      "1 message is the same as in English: A.title",
    ]);
  });
});

describe("reading a message", () => {
  it("follows ICU quoting: an apostrophe quotes only before a special character", () => {
    expect(messageSignature("It's '{name}' and '{'{real}'}'").arguments).toEqual(new Map([["real", new Set(["{real}"])]]));
    expect(messageSignature("{n, plural, other {'#' is # and ''{x}'' but not '''{y}'''}}").arguments).toEqual(
      new Map([
        ["n", new Set(["{n, plural}"])],
        ["x", new Set(["{x}"])],
      ]),
    );
  });

  it("reads nested plurals, selects, tags and styles", () => {
    const signature = messageSignature("<b>{a, select, x {{n, plural, =1 {one <i>{m, number}</i>} other {# {d, date, short}}}} other {}}</b> {v, number, ::percent}");
    expect([...signature.arguments.keys()].sort()).toEqual(["a", "b", "d", "i", "m", "n", "v"]);
    expect(signature.arguments.get("v")).toEqual(new Set(["{v, number, ::percent}"]));
    expect(signature.plurals.get("n")).toEqual({ exact: new Set(["=1"]), categories: new Set(["other"]), ordinal: false, otherHasPound: true });
    expect(signature.selects.get("a")).toEqual(new Set(["x", "other"]));
  });

  it("rejects what next-intl could not show, saying where", () => {
    for (const bad of ["{", "{}", "{a", "{a, plural}", "{a, plural, one {x}}", "{a, nonsense}", "{a, select, x {y} x {z} other {w}}", "<b>x", "<b>x</i>", "x</b>", "{a, number, }"]) {
      expect(() => parseMessage(bad), bad).toThrow(/\(at character \d+\)$/);
    }
  });
});

describe("unformattedMessages", () => {
  const namespaces = ["Petition", "Embed", "AdminCampaigns"];
  it("finds raw ICU syntax, raw tags and missing keys, line by line", () => {
    const page = [
      "Thank you.\nThe link works for {days, plural, one {# day} other {# days}}.\nSign here",
      "Hello {name}",
      "Read <link>the terms</link>",
      "Embed.thanks.heading",
      "Error: AdminCampaigns.errors.slugTaken",
    ].join("\n");
    expect(unformattedMessages([page], namespaces)).toEqual([
      "The link works for {days, plural, one {# day} other {# days}}.",
      "Hello {name}",
      "Read <link>the terms</link>",
      "Embed.thanks.heading",
      "Error: AdminCampaigns.errors.slugTaken",
    ]);
  });

  it("leaves formatted text alone, in both scripts", () => {
    const fine = ["The link works for 7 days.", "لنک 7 دن تک کام کرتا ہے۔", "Petitions. Embedding works.", "a < b > c", "example.org/Petition.pdf", "{ }", "Sign the petition.Then share it."];
    expect(unformattedMessages(fine, namespaces)).toEqual([]);
  });
});
