// Every message catalog matches English (the same keys, the same ICU arguments), checked with the same
// function as `npx tsx scripts/check-messages.mjs`; then the checker itself, and its scanner against
// @formatjs/icu-messageformat-parser, which next-intl formats with (through intl-messageformat).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { checkMessageDirectory, compareCatalogs, formatReports, messageSignature, parseMessage, type MessageSignature } from "./check-messages";

const MESSAGES = path.resolve(import.meta.dirname, "../../messages");

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
    expect(kinds({ ...ok, A: { ...ok.A, title: "آداب {name" } })).toEqual(["syntax A.title: unclosed argument {name} (at character 6)"]);
    expect(kinds({ ...ok, A: { ...ok.A, count: "{count, plural, one {# چیز}}" } })).toEqual([expect.stringMatching(/^syntax A.count: .*no “other” option/)]);
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

describe("the scanner", () => {
  it("follows ICU quoting: an apostrophe quotes only before a special character", () => {
    expect(messageSignature("It's '{name}' and '{'{real}'}'").arguments).toEqual(new Map([["real", new Set(["{real}"])]]));
    expect(messageSignature("{n, plural, other {'#' is # and ''{x}'' but not '''{y}'''}}").arguments).toEqual(
      new Map([
        ["n", new Set(["{n, plural}"])],
        ["x", new Set(["{x}"])],
      ]),
    );
  });

  it("reads nested plurals, selects and tags", () => {
    const signature = messageSignature("<b>{a, select, x {{n, plural, =1 {one <i>{m, number}</i>} other {# {d, date, short}}}} other {}}</b>");
    expect([...signature.arguments.keys()].sort()).toEqual(["a", "b", "d", "i", "m", "n"]);
    expect(signature.plurals.get("n")).toEqual({ exact: new Set(["=1"]), categories: new Set(["other"]), ordinal: false, otherHasPound: true });
  });

  it("rejects what the formatjs parser rejects", () => {
    for (const bad of ["{", "{}", "{a", "{a, plural}", "{a, plural, one {x}}", "{a, nonsense}", "{a, select, x {y} x {z} other {w}}", "<b>x", "<b>x</i>", "x</b>", "{a, number, }"]) {
      expect(() => parse(bad), bad).toThrow();
      expect(() => parseMessage(bad), bad).toThrow();
    }
  });

  it("agrees with @formatjs/icu-messageformat-parser on every message of every catalog", () => {
    const samples = [
      "It's '{name}' and '{'{real}'}'",
      "{n, plural, other {'#' is # and ''{x}'' but not '''{y}'''}}",
      "{n, plural, offset:1 =0 {none} other {'#' and # and {k, selectordinal, one {#st} other {#th}}}}",
      "{v, number, ::percent} {d, date, ::yyyyMMdd} {t, time, short} <br/> a < b > c",
      "<b>{a, select, x {{n, plural, =1 {one <i>{m, number}</i>} other {# {d, date, short}}}} other {}}</b>",
    ];
    for (const file of readdirSync(MESSAGES).filter((name) => name.endsWith(".json"))) {
      collect(JSON.parse(readFileSync(path.join(MESSAGES, file), "utf8")), samples);
    }
    for (const text of samples) expect(normalise(messageSignature(text)), text).toEqual(normalise(formatjsSignature(text)));
  });
});

function collect(tree: unknown, into: string[]) {
  if (typeof tree === "string") into.push(tree);
  else if (tree && typeof tree === "object") for (const value of Object.values(tree)) collect(value, into);
}

function normalise(signature: MessageSignature) {
  const sorted = <T>(map: Map<string, T>, f: (value: T) => unknown) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, f(v)]);
  const set = (s: Set<string>) => [...s].sort();
  return {
    arguments: sorted(signature.arguments, set),
    plurals: sorted(signature.plurals, (p) => ({ exact: set(p.exact), categories: set(p.categories), ordinal: p.ordinal, otherHasPound: p.otherHasPound })),
    selects: sorted(signature.selects, set),
  };
}

/** The same signature, computed from the formatjs parser's syntax tree. */
function formatjsSignature(text: string): MessageSignature {
  const signature: MessageSignature = { arguments: new Map(), plurals: new Map(), selects: new Map() };
  const add = (name: string, description: string) => signature.arguments.set(name, (signature.arguments.get(name) ?? new Set()).add(description));
  const style = (element: { style?: unknown }): string | null => {
    const s = element.style as string | { tokens?: { stem: string; options: string[] }[]; pattern?: string } | null | undefined;
    if (!s) return null;
    if (typeof s === "string") return s;
    if (s.tokens) return `::${s.tokens.map((t) => [t.stem, ...t.options].join("/")).join(" ")}`;
    return `::${s.pattern}`;
  };
  const hasPound = (elements: MessageFormatElement[]): boolean =>
    elements.some((el) => el.type === TYPE.pound || (el.type === TYPE.tag && hasPound(el.children)));
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          add(el.value, `{${el.value}}`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time: {
          const type = el.type === TYPE.number ? "number" : el.type === TYPE.date ? "date" : "time";
          const s = style(el);
          add(el.value, s ? `{${el.value}, ${type}, ${s}}` : `{${el.value}, ${type}}`);
          break;
        }
        case TYPE.plural: {
          const ordinal = el.pluralType === "ordinal";
          add(el.value, `{${el.value}, ${ordinal ? "selectordinal" : "plural"}}`);
          const entry = signature.plurals.get(el.value) ?? { exact: new Set<string>(), categories: new Set<string>(), ordinal, otherHasPound: false };
          for (const key of Object.keys(el.options)) (key.startsWith("=") ? entry.exact : entry.categories).add(key);
          entry.otherHasPound ||= hasPound(el.options.other?.value ?? []);
          signature.plurals.set(el.value, entry);
          for (const option of Object.values(el.options)) visit(option.value);
          break;
        }
        case TYPE.select: {
          add(el.value, `{${el.value}, select}`);
          const set = signature.selects.get(el.value) ?? new Set<string>();
          for (const key of Object.keys(el.options)) set.add(key);
          signature.selects.set(el.value, set);
          for (const option of Object.values(el.options)) visit(option.value);
          break;
        }
        case TYPE.tag:
          add(el.value, `<${el.value}>`);
          visit(el.children);
          break;
        default:
          break;
      }
    }
  };
  visit(parse(text));
  return signature;
}
