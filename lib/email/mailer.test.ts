import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mailTransportKind, outboxDir } from "./config";
import { MailError, maskAddress, resetMailerForTests, sendMail } from "./mailer";
import { listOutbox, readOutboxMessage } from "./outbox";

const message = {
  to: "jane.doe@example.org",
  subject: "Please confirm your signature: Test",
  text: "Open https://example.org/confirm?t=abc to confirm.",
  html: '<p>Open <a href="https://example.org/confirm?t=abc">this link</a> to confirm.</p>',
};

function addressOf(field: AddressObject | AddressObject[] | undefined): string | undefined {
  return (Array.isArray(field) ? field[0] : field)?.value[0]?.address;
}

let logged: string[] = [];
beforeEach(() => {
  // No log line may hold the recipient in clear; the spies also keep the test output quiet.
  logged = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (logged.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (logged.push(String(chunk)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  resetMailerForTests();
  expect(logged.join("\n")).not.toContain("jane.doe@");
});

describe("sendMail over SMTP", () => {
  const received: { mail: ParsedMail; user: unknown; rcptTo: string[] }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "mailer" && auth.password === "s3cret") callback(null, { user: auth.username });
        else callback(new Error("Invalid username or password"));
      },
      onData(stream, session: SMTPServerSession, callback) {
        // The session is reset once the message is accepted: keep what the test asserts now.
        const seen = { user: session.user, rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
        simpleParser(stream)
          .then((mail) => received.push({ mail, ...seen }))
          .then(() => callback(), callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as net.AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(resolve));
  });

  it("delivers one message with the sender, recipient, text and html parts", async () => {
    received.length = 0;
    vi.stubEnv("SMTP_URL", `smtp://mailer:s3cret@127.0.0.1:${port}`);
    vi.stubEnv("MAIL_FROM", "Campaign Desk <desk@example.net>");
    expect(mailTransportKind()).toBe("smtp");

    const sent = await sendMail({ ...message, headers: { "X-Advocate-Kind": "confirmation" } });

    expect(sent.transport).toBe("smtp");
    expect(received).toHaveLength(1);
    const [{ mail, user, rcptTo }] = received as [(typeof received)[number]];
    expect(user).toBe("mailer"); // the credentials in SMTP_URL were used
    expect(rcptTo).toEqual(["jane.doe@example.org"]);
    expect(mail.subject).toBe(message.subject);
    expect(mail.from?.value[0]).toEqual({ name: "Campaign Desk", address: "desk@example.net" });
    expect(addressOf(mail.to)).toBe("jane.doe@example.org");
    expect(mail.text?.trim()).toBe(message.text);
    expect(mail.html).toContain('<a href="https://example.org/confirm?t=abc">');
    expect(mail.headers.get("x-advocate-kind")).toBe("confirmation");
    expect(mail.messageId).toBe(sent.messageId);
  });

  it("fails fast with a MailError when nothing listens on the SMTP port", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${deadPort}`);

    const started = Date.now();
    const error = await sendMail(message).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).reason).toBe("send");
    expect((error as MailError).message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|jane/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("rejects a malformed SMTP_URL with a MailError and does not echo the password", async () => {
    vi.stubEnv("SMTP_URL", "mailer:s3cret@mail.example.org");
    const error = await sendMail(message).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).reason).toBe("config");
    const cause = String(((error as MailError).cause as Error).message);
    expect(cause).toContain("SMTP_URL must look like smtp://");
    expect(cause).not.toContain("s3cret");
  });
});

describe("sendMail to the outbox", () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-mail-"));
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("DATA_DIR", dataDir);
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("writes a private .eml file that the outbox lists and reads back", async () => {
    expect(mailTransportKind()).toBe("outbox");
    const first = await sendMail({ ...message, subject: "First" });
    const second = await sendMail({ ...message, subject: "Second" });
    expect(first.transport).toBe("outbox");

    const dir = outboxDir();
    expect(dir).toBe(path.join(dataDir, "outbox"));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^\d{4}-\d\d-\d\dT[\w-]+\.eml$/);
      expect(statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    }

    const listed = await listOutbox();
    expect(listed.map((entry) => entry.subject)).toEqual(["Second", "First"]);
    expect(listed[0]).toMatchObject({ to: "jane.doe@example.org", text: expect.stringContaining("https://example.org/confirm?t=abc") });
    expect(await listOutbox(1)).toHaveLength(1);

    const read = await readOutboxMessage(listed[1]!.id);
    expect(read?.subject).toBe("First");
    expect(read?.html).toContain('href="https://example.org/confirm?t=abc"');
    expect(second.messageId).not.toBe(first.messageId);
  });

  it("refuses ids that could leave the outbox directory", async () => {
    await sendMail(message);
    expect(await readOutboxMessage("../x.eml")).toBeNull();
    expect(await readOutboxMessage("..%2Fx.eml")).toBeNull();
    expect(await readOutboxMessage("/etc/passwd")).toBeNull();
    expect(await readOutboxMessage("missing.eml")).toBeNull();
  });

  it("lists nothing before the first email", async () => {
    expect(await listOutbox()).toEqual([]);
  });
});

describe("maskAddress", () => {
  it("keeps the first letter and the domain only", () => {
    expect(maskAddress("jane.doe@example.org")).toBe("j***@example.org");
    expect(maskAddress("550 <jane.doe@example.org> unknown")).toBe("550 <j***@example.org> unknown");
  });
});
