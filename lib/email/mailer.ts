import "server-only";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { mailConfig, type MailConfig } from "./config";
import { requestLog } from "@/lib/log";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** Where replies go (a signer's letter to a target: the signer's own address). */
  replyTo?: string;
};

export type SentMail = { transport: "smtp" | "outbox"; messageId: string };

// A failure the caller can show as it is: `message` never holds an address, a password or a server reply.
export class MailError extends Error {
  constructor(
    message: string,
    readonly reason: "config" | "send",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MailError";
  }
}

const SEND_FAILED = "We could not send the email just now. Please try again in a few minutes.";
const NOT_CONFIGURED = "Email is not set up correctly on this site. Please try again later.";

// One pool per SMTP_URL, kept on globalThis so that hot reload in development does not open another.
const globalForMail = globalThis as unknown as { advocateSmtp?: { url: string; transporter: Transporter } };

function smtpTransporter(url: string): Transporter {
  const cached = globalForMail.advocateSmtp;
  if (cached?.url === url) return cached.transporter;
  cached?.transporter.close();
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    // As many as the queue's worker sends at once (lib/email/queue.ts, MAIL_CONCURRENCY's default).
    maxConnections: 4,
    // Nobody waits on a request for these (the queue sends), but a dead server must not hold a worker long.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    dnsTimeout: 10_000,
    socketTimeout: 30_000,
  });
  globalForMail.advocateSmtp = { url, transporter };
  return transporter;
}

/** Closes the cached SMTP pool so that the next send reads SMTP_URL afresh. */
export function resetMailerForTests(): void {
  globalForMail.advocateSmtp?.transporter.close();
  globalForMail.advocateSmtp = undefined;
}

export function maskAddress(address: string): string {
  return address.replace(/([^\s<>"',;:@]+)@([^\s<>"',;]+)/g, (_match, local: string, domain: string) => `${local.charAt(0)}***@${domain}`);
}

export async function sendMail(message: MailMessage): Promise<SentMail> {
  let config: MailConfig;
  try {
    config = mailConfig();
  } catch (error) {
    (await requestLog()).error("mail: not sent, the mail configuration is not usable", { error });
    throw new MailError(NOT_CONFIGURED, "config", { cause: error });
  }
  if (message.text.trim() === "") throw new MailError(NOT_CONFIGURED, "config", { cause: new Error("A message needs a plain-text part.") });

  const options: SendMailOptions = {
    from: config.mailFrom,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    replyTo: message.replyTo,
  };
  const transport = config.smtpUrl ? "smtp" : "outbox";
  try {
    const messageId = config.smtpUrl
      ? (await smtpTransporter(config.smtpUrl).sendMail(options)).messageId
      : await writeToOutbox(path.join(config.dataDir, "outbox"), options);
    (await requestLog()).info("mail: sent", { to: maskAddress(message.to), transport });
    return { transport, messageId };
  } catch (error) {
    // Server replies often quote the recipient ("550 <jane@example.org> unknown"): mask before logging.
    const detail = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
    (await requestLog()).error("mail: sending failed", { to: maskAddress(message.to), transport, detail: maskAddress(detail) });
    throw new MailError(SEND_FAILED, "send", { cause: error });
  }
}

async function writeToOutbox(dir: string, options: SendMailOptions): Promise<string> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await composer.sendMail(options);
  // The files hold names, addresses and working confirmation links: only the owner may read them.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  // ISO time first so that names sort by date; the random tail keeps two messages in one millisecond apart.
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(6).toString("hex")}.eml`;
  await writeFile(path.join(dir, name), info.message as Buffer, { mode: 0o600, flag: "wx" });
  return info.messageId;
}
