// Compares every message catalog (messages/<locale>.json) with the English one: the same keys, and in
// each message the same ICU arguments (placeholders, numbers and dates, plurals, selects, tags), so that
// no translation loses a value or asks for one the code never passes. Used by scripts/check-messages.mjs
// and by lib/i18n/messages.test.ts. No dependencies: the small scanner below follows the syntax of
// @formatjs/icu-messageformat-parser (what next-intl formats with), and the test checks that they agree.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const REFERENCE_LOCALE = "en";

// ---------------------------------------------------------------------------------------------------
// A brace-aware ICU MessageFormat scanner.

export type MessageNode =
  | { kind: "text"; value: string }
  | { kind: "argument"; name: string; type: "string" | "number" | "date" | "time"; style: string | null }
  | { kind: "plural"; name: string; ordinal: boolean; options: Map<string, MessageNode[]> }
  | { kind: "select"; name: string; options: Map<string, MessageNode[]> }
  | { kind: "pound" }
  | { kind: "tag"; name: string; children: MessageNode[] };

export class MessageSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset + 1})`);
    this.name = "MessageSyntaxError";
  }
}

type Parent = "plural" | "select" | null;

const IDENTIFIER = /[^\p{White_Space}\p{Pattern_Syntax}]*/uy;
const WHITE_SPACE = /\p{White_Space}*/uy;
const INTEGER = /[+-]?\d+/y;
const isAlpha = (c: string | undefined) => c !== undefined && /[a-zA-Z]/.test(c);
// The characters a tag name may continue with (see the grammar in the formatjs parser).
const TAG_NAME_CHAR = /[-.0-9_a-zA-Z\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\u{10000}-\u{effff}]/u;

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): MessageNode[] {
    return this.message(0, null, false); // at the top level it reads to the end, or throws
  }

  private error(message: string, at = this.pos) {
    return new MessageSyntaxError(message, at);
  }

  private get char() {
    return this.text[this.pos];
  }

  private peek() {
    return this.text[this.pos + 1];
  }

  private skipSpace() {
    WHITE_SPACE.lastIndex = this.pos;
    WHITE_SPACE.exec(this.text);
    this.pos = WHITE_SPACE.lastIndex;
  }

  private identifier(): string {
    IDENTIFIER.lastIndex = this.pos;
    const match = IDENTIFIER.exec(this.text)![0];
    this.pos += match.length;
    return match;
  }

  /** `start`: where the construct began, the place to report it unclosed. */
  private expect(char: string, what: string, start = this.pos) {
    if (this.char === undefined) throw this.error(`unclosed ${what}`, start);
    if (this.char !== char) throw this.error(`expected “${char}” in ${what}, found “${this.char}”`);
    this.pos++;
  }

  private message(depth: number, parent: Parent, inTag: boolean): MessageNode[] {
    const nodes: MessageNode[] = [];
    let text = "";
    const flush = () => {
      if (text) nodes.push({ kind: "text", value: text });
      text = "";
    };
    while (this.pos < this.text.length) {
      const c = this.char;
      if (c === "{") {
        flush();
        nodes.push(this.argument(depth));
      } else if (c === "}" && depth > 0) {
        break;
      } else if (c === "#" && parent === "plural") {
        flush();
        nodes.push({ kind: "pound" });
        this.pos++;
      } else if (c === "<" && this.peek() === "/") {
        if (inTag) break;
        throw this.error("closing tag without an opening tag");
      } else if (c === "<" && isAlpha(this.peek())) {
        const tag = this.tag(depth, parent);
        if (typeof tag === "string") text += tag; // <name/> is literal text
        else {
          flush();
          nodes.push(tag);
        }
      } else if (c === "'") {
        text += this.quoted(parent);
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /** An apostrophe: '' is one apostrophe; before a special character it quotes up to the next lone '. */
  private quoted(parent: Parent): string {
    const next = this.peek();
    if (next === "'") {
      this.pos += 2;
      return "'";
    }
    const special = next === "{" || next === "}" || next === "<" || next === ">" || (next === "#" && parent === "plural");
    if (!special) {
      this.pos++;
      return "'";
    }
    this.pos += 2;
    let value = next;
    while (this.pos < this.text.length) {
      if (this.char === "'") {
        if (this.peek() === "'") {
          value += "'";
          this.pos += 2;
          continue;
        }
        this.pos++;
        break;
      }
      value += this.char;
      this.pos++;
    }
    return value;
  }

  private tag(depth: number, parent: Parent): MessageNode | string {
    const start = this.pos;
    this.pos++; // <
    const nameStart = this.pos;
    this.pos++;
    while (this.pos < this.text.length && TAG_NAME_CHAR.test(String.fromCodePoint(this.text.codePointAt(this.pos)!))) {
      this.pos += this.text.codePointAt(this.pos)! > 0xffff ? 2 : 1;
    }
    const name = this.text.slice(nameStart, this.pos);
    this.skipSpace();
    if (this.text.startsWith("/>", this.pos)) {
      this.pos += 2;
      return `<${name}/>`;
    }
    if (this.char !== ">") throw this.error(`invalid tag <${name}`, start);
    this.pos++;
    const children = this.message(depth + 1, parent, true);
    if (!this.text.startsWith("</", this.pos)) throw this.error(`unclosed tag <${name}>`, start);
    this.pos += 2;
    const closing = this.identifierOfTag();
    if (closing !== name) throw this.error(`<${name}> is closed by </${closing}>`);
    this.skipSpace();
    this.expect(">", `closing tag </${name}>`);
    return { kind: "tag", name, children };
  }

  private identifierOfTag(): string {
    const start = this.pos;
    if (!isAlpha(this.char)) throw this.error("invalid closing tag");
    this.pos++;
    while (this.pos < this.text.length && TAG_NAME_CHAR.test(this.char!)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private argument(depth: number): MessageNode {
    const start = this.pos;
    this.pos++; // {
    this.skipSpace();
    if (this.char === undefined) throw this.error("unclosed argument", start);
    const name = this.identifier();
    if (!name) throw this.error(this.char === "}" ? "empty argument {}" : "invalid argument name", start);
    this.skipSpace();
    if (this.char === "}") {
      this.pos++;
      return { kind: "argument", name, type: "string", style: null };
    }
    this.expect(",", `argument {${name}}`, start);
    this.skipSpace();
    const type = this.identifier();
    this.skipSpace();
    switch (type) {
      case "number":
      case "date":
      case "time": {
        let style: string | null = null;
        if (this.char === ",") {
          this.pos++;
          this.skipSpace();
          style = this.style().trim();
          if (!style) throw this.error(`empty style in {${name}, ${type}}`);
        }
        this.expect("}", `argument {${name}}`, start);
        return { kind: "argument", name, type, style };
      }
      case "plural":
      case "selectordinal":
      case "select": {
        this.expect(",", `{${name}, ${type}}`, start);
        this.skipSpace();
        if (type !== "select" && this.text.startsWith("offset:", this.pos)) {
          this.pos += "offset:".length;
          this.skipSpace();
          INTEGER.lastIndex = this.pos;
          const offset = INTEGER.exec(this.text);
          if (!offset) throw this.error(`invalid offset in {${name}, ${type}}`);
          this.pos = INTEGER.lastIndex;
        }
        const options = this.options(name, type, depth);
        this.expect("}", `{${name}, ${type}}`, start);
        return type === "select" ? { kind: "select", name, options } : { kind: "plural", name, ordinal: type === "selectordinal", options };
      }
      default:
        throw this.error(type ? `unknown argument type “${type}” in {${name}, …}` : `missing argument type in {${name}, …}`, start);
    }
  }

  /** A number, date or time style: everything up to the argument's closing brace, quotes and nested braces included. */
  private style(): string {
    const start = this.pos;
    let nested = 0;
    while (this.pos < this.text.length) {
      const c = this.char;
      if (c === "'") {
        const end = this.text.indexOf("'", this.pos + 1);
        if (end < 0) throw this.error("unclosed quote in style");
        this.pos = end + 1;
      } else if (c === "{") {
        nested++;
        this.pos++;
      } else if (c === "}") {
        if (nested === 0) break;
        nested--;
        this.pos++;
      } else {
        this.pos++;
      }
    }
    return this.text.slice(start, this.pos);
  }

  private options(name: string, type: string, depth: number): Map<string, MessageNode[]> {
    const options = new Map<string, MessageNode[]>();
    const parent: Parent = type === "select" ? "select" : "plural";
    this.skipSpace();
    while (this.char !== "}" && this.pos < this.text.length) {
      const selectorStart = this.pos;
      let selector = this.identifier();
      if (!selector && type !== "select" && this.char === "=") {
        this.pos++;
        INTEGER.lastIndex = this.pos;
        if (!INTEGER.exec(this.text)) throw this.error(`invalid selector in {${name}, ${type}}`, selectorStart);
        this.pos = INTEGER.lastIndex;
        selector = this.text.slice(selectorStart, this.pos);
      }
      if (!selector) throw this.error(`expected a selector in {${name}, ${type}}`);
      if (options.has(selector)) throw this.error(`duplicate selector “${selector}” in {${name}, ${type}}`, selectorStart);
      this.skipSpace();
      const open = this.pos;
      this.expect("{", `option “${selector}” of {${name}, ${type}}`, selectorStart);
      const content = this.message(depth + 1, parent, false);
      if (this.char !== "}") throw this.error(`unclosed option “${selector}” of {${name}, ${type}}`, open);
      this.pos++;
      options.set(selector, content);
      this.skipSpace();
    }
    if (options.size === 0) throw this.error(`{${name}, ${type}} has no options`);
    if (!options.has("other")) throw this.error(`{${name}, ${type}} has no “other” option`);
    return options;
  }
}

/** Parses one ICU message; throws MessageSyntaxError. */
export function parseMessage(text: string): MessageNode[] {
  return new Scanner(text).parse();
}

// ---------------------------------------------------------------------------------------------------
// What a message asks of the code: its arguments, and the shape of its plurals and selects.

export interface MessageSignature {
  /** Argument name → how it is used: "{name}", "{name, number}", "{name, number, percent}", "{name, plural}", "<name>" … */
  arguments: Map<string, Set<string>>;
  plurals: Map<string, { exact: Set<string>; categories: Set<string>; ordinal: boolean; otherHasPound: boolean }>;
  selects: Map<string, Set<string>>;
}

function describe(node: MessageNode): string | null {
  switch (node.kind) {
    case "argument":
      return node.type === "string" ? `{${node.name}}` : node.style ? `{${node.name}, ${node.type}, ${node.style}}` : `{${node.name}, ${node.type}}`;
    case "plural":
      return `{${node.name}, ${node.ordinal ? "selectordinal" : "plural"}}`;
    case "select":
      return `{${node.name}, select}`;
    case "tag":
      return `<${node.name}>`;
    default:
      return null;
  }
}

/** The literal text of a message, all options included. */
export function messageText(nodes: MessageNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === "text") return node.value;
      if (node.kind === "tag") return messageText(node.children);
      if (node.kind === "plural" || node.kind === "select") return [...node.options.values()].map(messageText).join(" ");
      return " ";
    })
    .join("");
}

function containsPound(nodes: MessageNode[]): boolean {
  return nodes.some((node) => {
    if (node.kind === "pound") return true;
    if (node.kind === "tag") return containsPound(node.children);
    return false; // a # in a nested select or plural is literal or refers to that one
  });
}

export function messageSignature(text: string): MessageSignature {
  const signature: MessageSignature = { arguments: new Map(), plurals: new Map(), selects: new Map() };
  const visit = (nodes: MessageNode[]) => {
    for (const node of nodes) {
      const description = describe(node);
      if (description && node.kind !== "text" && node.kind !== "pound") {
        const set = signature.arguments.get(node.name) ?? new Set<string>();
        set.add(description);
        signature.arguments.set(node.name, set);
      }
      if (node.kind === "plural") {
        const entry = signature.plurals.get(node.name) ?? { exact: new Set<string>(), categories: new Set<string>(), ordinal: node.ordinal, otherHasPound: false };
        for (const key of node.options.keys()) (key.startsWith("=") ? entry.exact : entry.categories).add(key);
        entry.otherHasPound ||= containsPound(node.options.get("other") ?? []);
        signature.plurals.set(node.name, entry);
      }
      if (node.kind === "select") {
        const set = signature.selects.get(node.name) ?? new Set<string>();
        for (const key of node.options.keys()) set.add(key);
        signature.selects.set(node.name, set);
      }
      if (node.kind === "plural" || node.kind === "select") for (const option of node.options.values()) visit(option);
      if (node.kind === "tag") visit(node.children);
    }
  };
  visit(parseMessage(text));
  return signature;
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
