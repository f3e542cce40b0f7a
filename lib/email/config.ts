import "server-only";
import path from "node:path";
import { z } from "zod";

// Kept apart from lib/env.ts: sending mail must not require DATABASE_URL, and the environment is
// read on every call (it is cheap) so that tests and a restarted dev server see changes.
const SMTP_URL_HINT = "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465.";

const emptyIsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const mailEnvSchema = z.object({
  SMTP_URL: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .refine((value) => {
        // The URL holds a password: the message says what is wrong without repeating it.
        if (!URL.canParse(value)) return false;
        const url = new URL(value);
        return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
      }, SMTP_URL_HINT)
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .regex(/^[^\r\n]*@[^\r\n]+$/, 'MAIL_FROM must be an address such as "Advocate <no-reply@example.org>".')
      .default("Advocate <no-reply@localhost>"),
  ),
  DATA_DIR: z.preprocess(emptyIsUnset, z.string().default(".data")),
  APP_ENV: z.preprocess(
    emptyIsUnset,
    z.enum(["development", "production"], { error: "APP_ENV must be development or production." }).default("development"),
  ),
});

export type MailConfig = {
  smtpUrl: string | undefined;
  mailFrom: string;
  dataDir: string;
  appEnv: "development" | "production";
};

export function mailConfig(): MailConfig {
  const parsed = mailEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`The mail settings are not usable:\n${problems}`);
  }
  const env = parsed.data;
  return {
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    // A runtime directory, not a source one: keep Turbopack from tracing the whole project for it.
    dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATA_DIR),
    appEnv: env.APP_ENV,
  };
}

export function mailTransportKind(): "smtp" | "outbox" {
  return mailConfig().smtpUrl ? "smtp" : "outbox";
}

export function outboxDir(): string {
  return path.join(mailConfig().dataDir, "outbox");
}

// The outbox holds working confirmation links: it may only be shown where nothing is really sent
// and never on a production site.
export function isOutboxViewable(): boolean {
  const config = mailConfig();
  return !config.smtpUrl && config.appEnv !== "production";
}
