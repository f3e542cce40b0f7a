import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isOutboxViewable, mailConfig, mailTransportKind, outboxDir } from "./config";

afterEach(() => vi.unstubAllEnvs());

describe("mail configuration", () => {
  it("writes to DATA_DIR/outbox, resolved against the working directory, when SMTP_URL is unset", () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("DATA_DIR", "tmp-data");
    vi.stubEnv("MAIL_FROM", "");
    expect(mailTransportKind()).toBe("outbox");
    expect(outboxDir()).toBe(path.join(process.cwd(), "tmp-data", "outbox"));
    expect(mailConfig().mailFrom).toBe("Advocate <no-reply@localhost>");
  });

  it("accepts smtp:// and smtps:// URLs", () => {
    vi.stubEnv("SMTP_URL", "smtps://user:pass@mail.example.org:465");
    expect(mailTransportKind()).toBe("smtp");
    vi.stubEnv("SMTP_URL", "smtp://mail.example.org");
    expect(mailTransportKind()).toBe("smtp");
  });

  it.each(["mail.example.org:587", "http://mail.example.org", "smtp://"])("explains what a usable SMTP_URL looks like (%s)", (url) => {
    vi.stubEnv("SMTP_URL", url);
    expect(() => mailConfig()).toThrow("SMTP_URL must look like smtp://user:password@host:587");
  });

  it("shows the outbox only while nothing is really sent and never in production", () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("APP_ENV", "");
    expect(isOutboxViewable()).toBe(true);
    vi.stubEnv("APP_ENV", "production");
    expect(isOutboxViewable()).toBe(false);
    vi.stubEnv("APP_ENV", "development");
    vi.stubEnv("SMTP_URL", "smtp://mail.example.org:587");
    expect(isOutboxViewable()).toBe(false);
    vi.stubEnv("APP_ENV", "staging");
    expect(() => mailConfig()).toThrow("APP_ENV must be development or production.");
  });
});
