import "server-only";
import { randomUUID } from "node:crypto";
import { format } from "node:util";
import { headers } from "next/headers";
import { redact, redactText } from "@/lib/redact";

// Structured logs: one JSON object per line ({"time","level","msg","requestId",...fields}), info and
// debug on stdout, warn and error on stderr. Every message and field is redacted (lib/redact.ts):
// no secret and no signer's email, name, comment or address reaches the log. LOG_LEVEL (debug, info,
// warn, error; default info) sets the lowest level written.

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` (e.g. the request id) to every line. */
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const CORE_KEYS = new Set(["time", "level", "msg"]);

export const LOG_LEVELS = Object.keys(RANK) as LogLevel[];

/** What is wrong with LOG_LEVEL, if anything (checked at start: lib/server-start.ts); the logger itself falls back to info. */
export function logLevelProblem(env: Record<string, string | undefined> = process.env): string | null {
  const wanted = env.LOG_LEVEL?.trim().toLowerCase();
  return wanted && !(wanted in RANK) ? `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; got "${env.LOG_LEVEL}".` : null;
}

function threshold(): number {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase();
  return wanted && wanted in RANK ? RANK[wanted as LogLevel] : RANK.info;
}

/** The JSON line for one entry (without the newline); exported for the tests. */
export function formatLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  const safe = redact(fields) as LogFields;
  const entry: LogFields = { time: now.toISOString(), level, msg: redactText(msg) };
  for (const [key, value] of Object.entries(safe)) {
    if (value !== undefined) entry[CORE_KEYS.has(key) ? `field_${key}` : key] = value;
  }
  return JSON.stringify(entry);
}

function write(level: LogLevel, msg: string, fields?: LogFields): void {
  if (RANK[level] < threshold()) return;
  let line: string;
  try {
    line = formatLine(level, msg, fields);
  } catch {
    // A log call must never break the request it describes.
    line = JSON.stringify({ time: new Date().toISOString(), level, msg: redactText(msg), logError: "fields could not be serialised" });
  }
  (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(`${line}\n`);
}

function makeLogger(bound: LogFields): Logger {
  const at = (level: LogLevel) => (msg: string, fields?: LogFields) => write(level, msg, fields ? { ...bound, ...fields } : bound);
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => makeLogger({ ...bound, ...fields }),
  };
}

export const log: Logger = makeLogger({});

/** console.* arguments as one log entry: the text as `msg`, any Error as `error`. */
export function logConsoleCall(level: LogLevel, args: unknown[]): void {
  const error = args.find((arg): arg is Error => arg instanceof Error);
  const text = format(...args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : arg)));
  write(level, text, error ? { error } : undefined);
}

// ---------------------------------------------------------------------------------------------------
// Request ids. proxy.ts forwards `x-request-id` (the caller's when well-formed, else a new one) on the
// request, so every line logged while handling it carries the same id, and the response echoes it.

export const REQUEST_ID_HEADER = "x-request-id";
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function isWellFormedRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && WELL_FORMED_ID.test(value);
}

type HeaderSource = { get(name: string): string | null };

/** The incoming id when well-formed (a load balancer's or a tracing proxy's), otherwise a new one. */
export function requestIdFrom(source: HeaderSource): string {
  const incoming = source.get(REQUEST_ID_HEADER)?.trim();
  return isWellFormedRequestId(incoming) ? incoming : randomUUID();
}

/** For proxy.ts: a copy of the request's headers carrying a request id, to forward with NextResponse.next(). */
export function withRequestId(request: { headers: Headers }): Headers {
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestIdFrom(request.headers));
  return forwarded;
}

// Without proxy.ts's header (a route it does not match), one id is made per request and kept here.
const generated = new WeakMap<object, string>();

/** The id of the request being handled (server components, actions, route handlers); undefined outside one. */
export async function requestId(): Promise<string | undefined> {
  let source: HeaderSource;
  try {
    source = await headers();
  } catch {
    return undefined; // not inside a request (a scheduled job, a script)
  }
  const incoming = source.get(REQUEST_ID_HEADER)?.trim();
  if (isWellFormedRequestId(incoming)) return incoming;
  let id = generated.get(source);
  if (!id) {
    id = randomUUID();
    generated.set(source, id);
  }
  return id;
}

/** The logger for the current request: every line carries its `requestId`. */
export async function requestLog(): Promise<Logger> {
  const id = await requestId();
  return id ? log.child({ requestId: id }) : log;
}
