import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainOutbox, MAX_ATTEMPTS, purgeOutbox, queueStatus, recipientKey, retryDelaySeconds } from "@/lib/email/queue";
import { canonicalEmail } from "@/lib/petition/normalise";
import { resetMailerForTests } from "@/lib/email/mailer";
import { signPetition } from "@/lib/petition/service";
import { createCampaign, unique, uniqueAddress } from "@/lib/test/factories";

// The mail queue against the real PostgreSQL and a real SMTP server (smtp-server) that the tests stop,
// slow down and start again: signing never waits for it, and what is queued is sent once it answers.

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-queue-"));
  process.env.DATA_DIR = dataDir;
  process.env.APP_URL = "http://queue.test";
});
afterAll(() => {
  delete process.env.SMTP_URL;
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => resetMailerForTests());

type Smtp = { port: number; received: string[]; stop: () => Promise<void> };

/** A real SMTP server on `port` (0: any free one) that takes `delayMs` to accept each message. */
async function startSmtp(port = 0, delayMs = 0): Promise<Smtp> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => received.push([mail.to].flat()[0]?.text ?? "")))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  // The mailer's pool keeps its connections open: close it first, or the server waits for them.
  const stop = () => {
    resetMailerForTests();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port: bound, received, stop };
}

const signer = () => ({ fullName: "Hina Baig", email: `${unique("hina")}@example.org`, country: "PAK", comment: null, showName: false, mayContact: false });
// Only this test's own mail: the test processes share one database.
const only = (...emails: string[]) => ({ recipientKeys: emails.map((email) => recipientKey(canonicalEmail(email))) });
const queued = (to: string) => db().mailOutbox.findMany({ where: { message: { path: ["to"], equals: to } } });

describe("the mail queue", () => {
  it("keeps a signature and its mail while SMTP is down, and sends the mail exactly once when it is back", async () => {
    const smtp = await startSmtp();
    const { port } = smtp;
    await smtp.stop(); // the mail server is down
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetMailerForTests();

    const campaign = await createCampaign();
    const input = signer();
    expect(await signPetition(campaign.slug, input, { locale: "en", clientAddress: uniqueAddress() })).toEqual({ kind: "accepted" });
    expect(await db().signature.count({ where: { campaignId: campaign.id, email: input.email } })).toBe(1);
    const [row] = await queued(input.email);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0, kind: "signature.confirm" });

    // The worker tries, fails, and schedules a retry (its message kept for it, the error masked).
    expect(await drainOutbox(only(input.email))).toMatchObject({ sent: 0, failed: 1 });
    const failed = await db().mailOutbox.findUniqueOrThrow({ where: { id: row!.id } });
    expect(failed).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(failed.lastError).not.toContain(input.email);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + (retryDelaySeconds(1) - 2) * 1000);
    // Not due yet: nothing is tried again before the delay.
    expect(await drainOutbox(only(input.email))).toEqual({ sent: 0, failed: 0 });

    // The server comes back on the same port; once the retry is due, the mail goes, once.
    const back = await startSmtp(port);
    try {
      await db().mailOutbox.update({ where: { id: row!.id }, data: { nextAttemptAt: new Date() } });
      const [first, second] = await Promise.all([drainOutbox(only(input.email)), drainOutbox(only(input.email))]); // two workers at once
      expect(first.sent + second.sent).toBe(1);
      expect(await drainOutbox(only(input.email))).toEqual({ sent: 0, failed: 0 });
      expect(back.received).toEqual([input.email]);
      // Sent: the message (with its working links) is gone from the database.
      expect(await db().mailOutbox.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "SENT", message: null, attempts: 2 });
    } finally {
      await back.stop();
    }
  });

  it("gives a mail up after its last attempt, removing its message", async () => {
    const smtp = await startSmtp();
    await smtp.stop();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    const campaign = await createCampaign();
    const input = signer();
    await signPetition(campaign.slug, input, { locale: "en", clientAddress: uniqueAddress() });
    const [row] = await queued(input.email);
    await db().mailOutbox.update({ where: { id: row!.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    expect(await drainOutbox(only(input.email))).toMatchObject({ failed: 1 });
    expect(await db().mailOutbox.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "FAILED", message: null, attempts: MAX_ATTEMPTS });
  });

  it("does not slow signing down when the mail server takes 5 s a message", async () => {
    const slow = await startSmtp(0, 5_000);
    process.env.SMTP_URL = `smtp://127.0.0.1:${slow.port}`;
    resetMailerForTests();
    try {
      const campaign = await createCampaign();
      const started = Date.now();
      const signers = Array.from({ length: 5 }, signer);
      for (const input of signers) await signPetition(campaign.slug, input, { locale: "en", clientAddress: uniqueAddress() });
      // Five signatures, none waiting for the 5 s the server takes (each took milliseconds here).
      expect(Date.now() - started).toBeLessThan(5_000);
      const sending = drainOutbox({ concurrency: 5, ...only(...signers.map((input) => input.email)) });
      expect(await sending).toMatchObject({ sent: 5, failed: 0 });
      expect(slow.received).toHaveLength(5);
    } finally {
      await slow.stop();
    }
  }, 30_000);
});

describe("the queue's state for staff", () => {
  it("counts what waits and for how long, what was given up in a day, and the last error", async () => {
    const key = recipientKey(`status-${unique()}@example.org`);
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    expect(await queueStatus({ recipientKeys: [key] })).toEqual({ queued: 0, oldestSeconds: 0, failedLastDay: 0, lastError: null });
    await db().mailOutbox.create({ data: { kind: "test", recipientKey: key, status: "QUEUED", createdAt: new Date(Date.now() - 10 * 24 * 60 * 60 * 1000), nextAttemptAt: new Date(Date.now() + 3_600_000), lastError: "ESOCKET: connect ECONNREFUSED" } });
    await db().mailOutbox.create({ data: { kind: "test", recipientKey: key, status: "FAILED", createdAt: hourAgo, lastError: "EAUTH: 535 a***@example.org rejected" } });
    const after = await queueStatus({ recipientKeys: [key] });
    expect(after.queued).toBe(1);
    expect(after.oldestSeconds).toBeGreaterThanOrEqual(10 * 24 * 60 * 60 - 5);
    expect(after.failedLastDay).toBe(1);
    // The latest attempt's: the queued one is due again in an hour, so its attempt is the later one.
    expect(after.lastError).toBe("ESOCKET: connect ECONNREFUSED");
    await db().mailOutbox.deleteMany({ where: { recipientKey: key } });
  });
});

describe("old mail records", () => {
  it("are removed a week after they were sent or given up; queued ones are kept", async () => {
    const key = recipientKey(`purge-${unique()}@example.org`);
    const old = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    for (const status of ["SENT", "FAILED", "QUEUED"] as const) await db().mailOutbox.create({ data: { kind: "test", recipientKey: key, status, createdAt: old } });
    await db().mailOutbox.create({ data: { kind: "test", recipientKey: key, status: "SENT" } });
    await purgeOutbox();
    expect((await db().mailOutbox.findMany({ where: { recipientKey: key }, orderBy: { id: "asc" } })).map((row) => row.status)).toEqual(["QUEUED", "SENT"]);
  });
});

describe("retry delays", () => {
  it("double from 10 s up to an hour", () => {
    expect([1, 2, 3, 4, 10, 20].map(retryDelaySeconds)).toEqual([10, 20, 40, 80, 3600, 3600]);
  });
});
