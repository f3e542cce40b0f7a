// Compares every message catalog (messages/<locale>.json) with the English one: the same keys, and in
// each message the same ICU arguments (placeholders, numbers and dates, plurals, selects, tags), so that
// no translation loses a value or asks for one the code never passes. Used by scripts/check-messages.mjs
// and scripts/check-messages.test.ts (run by `npm test`). Messages are parsed by
// @formatjs/icu-messageformat-parser, the parser next-intl formats with (through intl-messageformat),
// so a message this accepts is one the app can show.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export const REFERENCE_LOCALE = "en";

/** Parses one ICU message as next-intl does; throws an Error naming the problem and where it is. */
export function parseMessage(text: string): MessageFormatElement[] {
  try {
    return parse(text, { requiresOtherClause: true });
  } catch (error) {
    const found = error as { message?: string; location?: { start?: { offset?: number } } };
    const at = found.location?.start?.offset;
    const what = (found.message ?? String(error)).toLowerCase().replace(/_/g, " ");
    throw new Error(at === undefined ? what : `${what} (at character ${at + 1})`, { cause: error });
  }
}

// ---------------------------------------------------------------------------------------------------
// What a message asks of the code: its arguments, and the shape of its plurals and selects.

export interface MessageSignature {
  /** Argument name → how it is used: "{name}", "{name, number}", "{name, number, percent}", "{name, plural}", "<name>" … */
  arguments: Map<string, Set<string>>;
  plurals: Map<string, { exact: Set<string>; categories: Set<string>; ordinal: boolean; otherHasPound: boolean }>;
  selects: Map<string, Set<string>>;
}

/** A number's or date's style as written: "percent", "short", or a skeleton "::…". */
function styleOf(element: { style?: unknown }): string | null {
  const style = element.style as string | { tokens?: { stem: string; options: string[] }[]; pattern?: string } | null | undefined;
  if (!style) return null;
  if (typeof style === "string") return style;
  if (style.tokens) return `::${style.tokens.map((token) => [token.stem, ...token.options].join("/")).join(" ")}`;
  return `::${style.pattern}`;
}

/** A # in a nested select or plural refers to that one (or is literal): only this level and tags count. */
const hasPound = (elements: MessageFormatElement[]): boolean => elements.some((element) => element.type === TYPE.pound || (element.type === TYPE.tag && hasPound(element.children)));

export function messageSignature(text: string): MessageSignature {
  const signature: MessageSignature = { arguments: new Map(), plurals: new Map(), selects: new Map() };
  const add = (name: string, description: string) => signature.arguments.set(name, (signature.arguments.get(name) ?? new Set()).add(description));
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          add(element.value, `{${element.value}}`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time: {
          const type = element.type === TYPE.number ? "number" : element.type === TYPE.date ? "date" : "time";
          const style = styleOf(element);
          add(element.value, style ? `{${element.value}, ${type}, ${style}}` : `{${element.value}, ${type}}`);
          break;
        }
        case TYPE.plural: {
          const ordinal = element.pluralType === "ordinal";
          add(element.value, `{${element.value}, ${ordinal ? "selectordinal" : "plural"}}`);
          const entry = signature.plurals.get(element.value) ?? { exact: new Set<string>(), categories: new Set<string>(), ordinal, otherHasPound: false };
          for (const key of Object.keys(element.options)) (key.startsWith("=") ? entry.exact : entry.categories).add(key);
          entry.otherHasPound ||= hasPound(element.options.other?.value ?? []);
          signature.plurals.set(element.value, entry);
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        }
        case TYPE.select: {
          add(element.value, `{${element.value}, select}`);
          const options = signature.selects.get(element.value) ?? new Set<string>();
          for (const key of Object.keys(element.options)) options.add(key);
          signature.selects.set(element.value, options);
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        }
        case TYPE.tag:
          add(element.value, `<${element.value}>`);
          visit(element.children);
          break;
        default:
          break;
      }
    }
  };
  visit(parseMessage(text));
  return signature;
}

/** The literal text of a message, all options included. */
export function messageText(elements: MessageFormatElement[]): string {
  return elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.tag) return messageText(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).map((option) => messageText(option.value)).join(" ");
      return " ";
    })
    .join("");
}

// ---------------------------------------------------------------------------------------------------
// Comparing catalogs.

export type ProblemKind = "missing" | "extra" | "type" | "syntax" | "arguments" | "plural" | "select" | "empty";

export interface MessageProblem {
  kind: ProblemKind;
  /** Dotted key, e.g. "Petition.form.heading". */
  key: string;
  detail: string;
}

export interface CatalogComparison {
  problems: MessageProblem[];
  /** Not failures: the key order differs from English, or a message is the same as in English. */
  warnings: string[];
  /** Number of messages (leaves) in the candidate. */
  messages: number;
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

function leaves(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (isTree(value)) for (const [k, v] of leaves(value, full)) out.set(k, v);
    else out.set(full, value);
  }
  return out;
}

const countLeaves = (value: unknown): number => (isTree(value) ? Object.values(value).reduce<number>((n, v) => n + countLeaves(v), 0) : 1);

function pluralCategories(locale: string, ordinal: boolean): Set<string> | null {
  try {
    return new Set(new Intl.PluralRules(locale, { type: ordinal ? "ordinal" : "cardinal" }).resolvedOptions().pluralCategories);
  } catch {
    return null; // not a locale Intl knows: the categories are not checked
  }
}

const list = (items: Iterable<string>) => [...items].join(", ");

function compareMessage(key: string, reference: string, candidate: string, locale: string, problems: MessageProblem[]) {
  let ours: MessageSignature;
  let theirs: MessageSignature;
  try {
    ours = messageSignature(reference);
  } catch {
    return; // reported when English itself is checked
  }
  try {
    theirs = messageSignature(candidate);
  } catch (error) {
    problems.push({ kind: "syntax", key, detail: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (candidate.trim() === "" && reference.trim() !== "") problems.push({ kind: "empty", key, detail: "the message is empty" });

  const expected = new Set([...ours.arguments.values()].flatMap((set) => [...set]));
  const actual = new Set([...theirs.arguments.values()].flatMap((set) => [...set]));
  const missing = [...expected].filter((d) => !actual.has(d));
  const unexpected = [...actual].filter((d) => !expected.has(d));
  if (missing.length || unexpected.length) {
    const parts = [missing.length ? `missing ${list(missing)}` : "", unexpected.length ? `unexpected ${list(unexpected)}` : ""].filter(Boolean);
    problems.push({ kind: "arguments", key, detail: parts.join("; ") });
  }

  for (const [name, english] of ours.plurals) {
    const translated = theirs.plurals.get(name);
    if (!translated) continue; // already an arguments problem
    const lost = [...english.exact].filter((s) => !translated.exact.has(s));
    if (lost.length) problems.push({ kind: "plural", key, detail: `{${name}} has lost the exact option${lost.length > 1 ? "s" : ""} ${list(lost)}` });
    if (english.otherHasPound && !translated.otherHasPound) problems.push({ kind: "plural", key, detail: `the “other” option of {${name}} has no #` });
  }
  for (const [name, translated] of theirs.plurals) {
    const valid = pluralCategories(locale, translated.ordinal);
    const invalid = valid ? [...translated.categories].filter((c) => !valid.has(c)) : [];
    if (invalid.length)
      problems.push({ kind: "plural", key, detail: `{${name}} uses ${list(invalid)}, which ${locale} never selects (its categories: ${list(valid!)})` });
  }
  for (const [name, english] of ours.selects) {
    const translated = theirs.selects.get(name);
    if (!translated) continue;
    const lost = [...english].filter((s) => !translated.has(s));
    const added = [...translated].filter((s) => !english.has(s));
    if (lost.length || added.length) {
      const parts = [lost.length ? `missing option ${list(lost)}` : "", added.length ? `unexpected option ${list(added)}` : ""].filter(Boolean);
      problems.push({ kind: "select", key, detail: `{${name}, select}: ${parts.join("; ")}` });
    }
  }
}

/** Compares one catalog with the English one. `locale` picks the plural categories that are valid. */
export function compareCatalogs(reference: unknown, candidate: unknown, locale: string): CatalogComparison {
  const problems: MessageProblem[] = [];
  const warnings: string[] = [];
  if (!isTree(candidate)) {
    return { problems: [{ kind: "type", key: "(file)", detail: "the file is not a JSON object" }], warnings, messages: 0 };
  }
  const walk = (ref: Tree, cand: Tree, prefix: string) => {
    for (const [key, refValue] of Object.entries(ref)) {
      const full = prefix ? `${prefix}.${key}` : key;
      if (!Object.hasOwn(cand, key)) {
        const n = countLeaves(refValue);
        problems.push({ kind: "missing", key: full, detail: isTree(refValue) ? `the whole group (${n} message${n === 1 ? "" : "s"})` : "" });
        continue;
      }
      const candValue = cand[key];
      if (isTree(refValue)) {
        if (isTree(candValue)) walk(refValue, candValue, full);
        else problems.push({ kind: "type", key: full, detail: "a group of messages in English, a single value here" });
      } else if (typeof refValue === "string") {
        if (typeof candValue === "string") compareMessage(full, refValue, candValue, locale, problems);
        else problems.push({ kind: "type", key: full, detail: isTree(candValue) ? "a message in English, a group here" : `a message in English, ${JSON.stringify(candValue)} here` });
      }
    }
    for (const [key, candValue] of Object.entries(cand)) {
      if (Object.hasOwn(ref, key)) continue;
      const full = prefix ? `${prefix}.${key}` : key;
      const n = countLeaves(candValue);
      problems.push({ kind: "extra", key: full, detail: isTree(candValue) ? `a whole group (${n} message${n === 1 ? "" : "s"}) not in English` : "" });
    }
  };
  walk(isTree(reference) ? reference : {}, candidate, "");

  // Warnings: key order, and messages left as in English (fine for "CSV" or "{name}", a slip elsewhere).
  const refKeys = [...leaves(isTree(reference) ? reference : {}).keys()];
  const candLeaves = leaves(candidate);
  const shared = new Set(refKeys.filter((k) => candLeaves.has(k)));
  const refOrder = refKeys.filter((k) => shared.has(k));
  const candOrder = [...candLeaves.keys()].filter((k) => shared.has(k));
  const firstOutOfOrder = refOrder.findIndex((k, i) => candOrder[i] !== k);
  if (firstOutOfOrder >= 0) warnings.push(`the key order differs from English, first at ${candOrder[firstOutOfOrder]} (English has ${refOrder[firstOutOfOrder]} there)`);
  if (locale !== REFERENCE_LOCALE && isTree(reference)) {
    const english = leaves(reference);
    const same = [...shared].filter((k) => {
      const value = candLeaves.get(k);
      if (typeof value !== "string" || value !== english.get(k)) return false;
      try {
        return /\p{Ll}{3,}/u.test(messageText(parseMessage(value))); // "CSV" or "UTC" alone is no slip
      } catch {
        return false;
      }
    });
    const shown = same.slice(0, 20).join(", ") + (same.length > 20 ? ` and ${same.length - 20} more` : "");
    if (same.length) warnings.push(`${same.length} message${same.length === 1 ? " is" : "s are"} the same as in English: ${shown}`);
  }

  return { problems, warnings, messages: candLeaves.size };
}

/** Checks that every English message parses (the reference must be sound before it is compared with). */
export function checkReference(reference: unknown): MessageProblem[] {
  if (!isTree(reference)) return [{ kind: "type", key: "(file)", detail: "the file is not a JSON object" }];
  const problems: MessageProblem[] = [];
  for (const [key, value] of leaves(reference)) {
    if (typeof value !== "string") problems.push({ kind: "type", key, detail: `not a message: ${JSON.stringify(value)}` });
    else {
      try {
        parseMessage(value);
      } catch (error) {
        problems.push({ kind: "syntax", key, detail: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// The message files.

export interface CatalogReport extends CatalogComparison {
  locale: string;
  file: string;
}

function readJson(file: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(readFileSync(file, "utf8")) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Checks every <locale>.json in `directory` against <REFERENCE_LOCALE>.json (which is checked first). */
export function checkMessageDirectory(directory: string): CatalogReport[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort((a, b) => (a === `${REFERENCE_LOCALE}.json` ? -1 : b === `${REFERENCE_LOCALE}.json` ? 1 : a.localeCompare(b)));
  const referenceFile = path.join(directory, `${REFERENCE_LOCALE}.json`);
  const reference = readJson(referenceFile);
  const reports: CatalogReport[] = [];
  if ("error" in reference) {
    return [{ locale: REFERENCE_LOCALE, file: referenceFile, problems: [{ kind: "syntax", key: "(file)", detail: reference.error }], warnings: [], messages: 0 }];
  }
  for (const name of files) {
    const locale = name.slice(0, -".json".length);
    const file = path.join(directory, name);
    if (locale === REFERENCE_LOCALE) {
      reports.push({ locale, file, problems: checkReference(reference.value), warnings: [], messages: leaves(isTree(reference.value) ? reference.value : {}).size });
      continue;
    }
    const candidate = readJson(file);
    if ("error" in candidate) {
      reports.push({ locale, file, problems: [{ kind: "syntax", key: "(file)", detail: candidate.error }], warnings: [], messages: 0 });
      continue;
    }
    reports.push({ locale, file, ...compareCatalogs(reference.value, candidate.value, locale) });
  }
  return reports;
}

/** A readable report; `relativeTo` shortens the file names. */
export function formatReports(reports: CatalogReport[], relativeTo = process.cwd()): string {
  const lines: string[] = [];
  for (const report of reports) {
    const name = path.relative(relativeTo, report.file) || report.file;
    const what = report.locale === REFERENCE_LOCALE ? "the reference" : `compared with ${REFERENCE_LOCALE}.json`;
    if (report.problems.length === 0) lines.push(`${name}: ${report.messages} messages, ${what}: OK`);
    else lines.push(`${name}: ${report.messages} messages, ${what}: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}`);
    for (const problem of report.problems) lines.push(`  ${problem.kind.padEnd(9)} ${problem.key}${problem.detail ? `: ${problem.detail}` : ""}`);
    for (const warning of report.warnings) lines.push(`  warning   ${warning}`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------
// Messages shown unformatted on a rendered page (e2e/accessibility.spec.ts reads every page with it).

/** An ICU argument left as written: "{days}", "{days, plural, one {# day} …}". */
const RAW_ARGUMENT = /\{\s*[\p{L}_][\p{L}\p{N}_]*\s*(?:,\s*(?:plural|selectordinal|select|number|date|time)\b[^}]*)?\}/u;
/** A rich-text tag that t.rich was not asked to render: "<link>", "</strong>", "<br/>". */
const RAW_TAG = /<\/?[a-z][a-z0-9-]*\s*\/?>/;

/**
 * The lines of `texts` (a page's visible text and its labels) that show a message unformatted: raw ICU
 * syntax, a raw rich-text tag, or next-intl's fallback for a missing key ("Namespace.key") for one of
 * `namespaces` (the catalog's top-level keys).
 */
export function unformattedMessages(texts: string[], namespaces: string[]): string[] {
  const missingKey = new RegExp(`(?:^|[^\\p{L}\\p{N}./_-])(?:${namespaces.join("|")})\\.[a-z][\\p{L}\\p{N}.-]*`, "u");
  return texts
    .flatMap((text) => text.split("\n"))
    .map((line) => line.trim())
    .filter((line) => RAW_ARGUMENT.test(line) || RAW_TAG.test(line) || missingKey.test(line));
}
