import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { outboxDir } from "./config";

export type OutboxSummary = { id: string; date: Date; to: string; subject: string; text: string };
export type OutboxMessage = OutboxSummary & { html: string | null };

// An id is a bare file name in the outbox: no separators, so it cannot leave the directory.
const OUTBOX_ID = /^[\w.-]+\.eml$/;

export function isOutboxId(id: string): boolean {
  return OUTBOX_ID.test(id);
}

/** The newest messages first (file names start with the ISO time they were written). */
export async function listOutbox(limit = 50): Promise<OutboxSummary[]> {
  const dir = outboxDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const newest = names.filter(isOutboxId).sort().reverse().slice(0, Math.max(0, limit));
  const messages = await Promise.all(newest.map((id) => readFromDir(dir, id)));
  return messages.filter((message) => message !== null).map(({ html: _html, ...summary }) => summary);
}

export async function readOutboxMessage(id: string): Promise<OutboxMessage | null> {
  if (!isOutboxId(id)) return null;
  return readFromDir(outboxDir(), id);
}

async function readFromDir(dir: string, id: string): Promise<OutboxMessage | null> {
  const file = path.join(dir, id);
  if (path.dirname(file) !== dir) return null;
  let source: Buffer;
  try {
    source = await readFile(file);
  } catch (error) {
    // Listed and then removed by hand, or a name that was never there: both are simply absent.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = await simpleParser(source);
  return {
    id,
    date: parsed.date ?? new Date(0),
    to: addressText(parsed.to),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
  };
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return "";
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(", ");
}
