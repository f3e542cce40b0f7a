import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { formatLine, log, logConsoleCall, REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "@/lib/log";
import { redactText } from "@/lib/redact";
import { signPetition } from "@/lib/petition/service";
import { createCampaign, unique, uniqueAddress } from "@/lib/test/factories";

/** Captures what the logger writes (stdout and stderr), parsed. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  const parse = (lines: string[]) => lines.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { out: () => parse(out), err: () => parse(err), raw: () => [...out, ...err].join("") };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("redaction", () => {
  it("masks email addresses in messages and fields, keeping the first character and the domain", () => {
    const line = JSON.parse(formatLine("info", "mail to jane.doe+x@example.org failed", { to: "Bob <bob@mail.example.co.uk>", nested: { list: ["ali@ex.org"] } }));
    expect(line.msg).toBe("mail to j***@example.org failed");
    expect(line.to).toBe("Bob <b***@mail.example.co.uk>");
    expect(line.nested.list).toEqual(["a***@ex.org"]);
    expect(JSON.stringify(line)).not.toMatch(/jane|bob@|ali@/);
  });

  it("masks secret-looking fields at any depth, and key=value, Bearer and emailed-link tokens in text", () => {
    const line = JSON.parse(
      formatLine("warn", "retry with password=hunter2hunter2 and token Bearer abc.def.ghi123 after /confirm/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde", {
        password: "hunter2hunter2",
        request: { headers: { cookie: "next-auth.session-token=xyz", authorization: "Basic dXNlcjpwYXNz" } },
        csrfToken: "t0k3n-value",
        apiKey: "k-123",
        count: 3,
      }),
    );
    expect(line.password).toBe("[redacted]");
    expect(line.request.headers).toEqual({ cookie: "[redacted]", authorization: "[redacted]" });
    expect(line.csrfToken).toBe("[redacted]");
    expect(line.apiKey).toBe("[redacted]");
    expect(line.count).toBe(3);
    expect(line.msg).toBe("retry with password=*** and token Bearer *** after /confirm/***");
    expect(redactText("sent Authorization: Digest username=x, response=6629fae4\nnext line")).toBe("sent Authorization: ***\nnext line");
    expect(redactText('{"cookie":"next-auth.session-token=xyz; other=1"}')).toBe('{"cookie":"***"}');
    expect(JSON.stringify(line)).not.toMatch(/hunter2|abc\.def|AbCdEf|xyz|dXNlcjpwYXNz|t0k3n|k-123/);
  });

  it("masks the password of any URL, and the literal values of secret environment variables", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "s3cr3t-value-that-is-long-enough-0123456789");
    vi.stubEnv("DATABASE_URL", "postgresql://advocate:p%40ss-w0rd!@db.internal:5432/advocate");
    expect(redactText("connect postgresql://advocate:p%40ss-w0rd!@db.internal:5432/advocate failed")).toBe("connect postgresql://advocate:***@db.internal:5432/advocate failed");
    expect(redactText("smtps://mailer:Tr0ub4dor@smtp.example.org:465")).toBe("smtps://mailer:***@smtp.example.org:465");
    // The same secrets quoted outside a URL (an error message echoing them) are masked too.
    expect(redactText('password authentication failed: "p@ss-w0rd!"')).not.toContain("p@ss-w0rd!");
    expect(redactText("signing with s3cr3t-value-that-is-long-enough-0123456789")).toBe("signing with [redacted]");
  });

  it("drops names, comments and network addresses; masks addresses and PostgreSQL's quoted values in text", () => {
    const line = JSON.parse(
      formatLine("error", "insert failed", {
        fullName: "Amina Khan",
        comment: "my story",
        clientAddress: "203.0.113.9",
        detail: 'Key ("campaignId", "emailCanonical")=(4, amina@example.org) already exists.',
        row: "Failing row contains (12, Amina Khan, amina@example.org, PAK).",
        from: "seen from 198.51.100.23 and 2001:db8:85a3::8a2e:370:7334 at 12:30:45",
      }),
    );
    expect(line).toMatchObject({ fullName: "[personal]", comment: "[personal]", clientAddress: "[personal]" });
    expect(line.detail).toBe('Key ("campaignId", "emailCanonical")=([redacted]) already exists.');
    expect(line.row).toBe("Failing row contains ([redacted]).");
    expect(line.from).toBe("seen from 198.51.100.x and [ipv6] at 12:30:45");
  });

  it("serialises errors with their type, code and cause, redacted", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:5432"), { code: "ECONNREFUSED" });
    const error = new Error("could not mail sam@example.net", { cause });
    const line = JSON.parse(formatLine("error", "failed", { error }));
    expect(line.error).toMatchObject({ type: "Error", message: "could not mail s***@example.net", cause: { code: "ECONNREFUSED", message: "connect ECONNREFUSED 10.1.2.x:5432" } });
    expect(line.error.stack).toContain("could not mail s***@example.net");
  });
});

describe("the logger", () => {
  it("writes one JSON line per entry with time, level and message; warn and error go to stderr", () => {
    const logs = capture();
    log.info("hello", { campaign: "claas-2015" });
    log.error("boom");
    expect(logs.out()).toEqual([expect.objectContaining({ level: "info", msg: "hello", campaign: "claas-2015", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
    expect(logs.err()).toEqual([expect.objectContaining({ level: "error", msg: "boom" })]);
  });

  it("honours LOG_LEVEL (info by default) and never lets a field overwrite the core keys", () => {
    const logs = capture();
    log.debug("hidden by default");
    vi.stubEnv("LOG_LEVEL", "debug");
    log.child({ requestId: "req-12345678" }).debug("shown", { level: "fake", msg: "fake" });
    vi.stubEnv("LOG_LEVEL", "error");
    log.warn("hidden at error");
    expect(logs.out()).toEqual([expect.objectContaining({ level: "debug", msg: "shown", requestId: "req-12345678", field_level: "fake", field_msg: "fake" })]);
    expect(logs.err()).toEqual([]);
  });

  it("turns console-style calls into redacted entries", () => {
    const logs = capture();
    logConsoleCall("error", ["⨯ failed for %s", "eve@example.org", new Error("token=abcdef123456")]);
    const [entry] = logs.err();
    expect(entry).toMatchObject({ level: "error", msg: "⨯ failed for e***@example.org Error: token=***" });
    expect(logs.raw()).not.toMatch(/eve@|abcdef123456/);
  });
});

describe("request ids", () => {
  it("keeps a well-formed incoming id and replaces a missing or malformed one", () => {
    expect(requestIdFrom(new Headers({ [REQUEST_ID_HEADER]: "lb-4f2a9c1e-77" }))).toBe("lb-4f2a9c1e-77");
    for (const bad of ["", "short", "has space in it", "x".repeat(200), "inject\nnewline00"]) {
      const headers = new Headers();
      if (!bad.includes("\n")) headers.set(REQUEST_ID_HEADER, bad);
      expect(requestIdFrom(headers)).toMatch(/^[0-9a-f-]{36}$/);
    }
    const forwarded = withRequestId({ headers: new Headers({ accept: "text/html" }) });
    expect(forwarded.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded.get("accept")).toBe("text/html");
  });
});

describe("a logged signing failure", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-log-"));
    process.env.DATA_DIR = dataDir;
    delete process.env.SMTP_URL;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("carries no personal data, even when PostgreSQL quotes the failing row", async () => {
    const campaign = await createCampaign();
    const name = `Zebedee ${unique("Quill")}`;
    const email = `${unique("zebedee.quill")}@example.org`;
    const comment = `Secret story ${unique("c")}`;
    // A constraint that refuses only this signer: the insert fails with PostgreSQL's "Failing row contains (...)".
    const constraint = `log_test_${unique("c").replace(/-/g, "_")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER TABLE "Signature" ADD CONSTRAINT ${constraint} CHECK ("fullName" <> '${name}') NOT VALID`);
      const failure = await signPetition(campaign.slug, { fullName: name, email, country: "PAK", comment, showName: true, mayContact: true }, { locale: "en", clientAddress: uniqueAddress() }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      // The raw error does quote the person: this is what the logger must hide.
      expect(JSON.stringify({ message: (failure as Error).message, ...(failure as object) })).toMatch(new RegExp(`${name}|${email}`));

      const logs = capture();
      log.child({ requestId: "req-test-0001" }).error("petition: signing failed", { error: failure, slug: campaign.slug });
      const [entry] = logs.err();
      expect(entry).toMatchObject({ level: "error", msg: "petition: signing failed", requestId: "req-test-0001", slug: campaign.slug });
      const written = logs.raw();
      for (const personal of [name, "Zebedee", email, email.split("@")[0]!, comment, "Secret story"]) expect(written).not.toContain(personal);
    } finally {
      await admin.query(`ALTER TABLE "Signature" DROP CONSTRAINT IF EXISTS ${constraint}`);
      await admin.end();
    }
  });
});
