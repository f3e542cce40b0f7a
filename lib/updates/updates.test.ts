import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { MailMessage } from "@/lib/email/mailer";
import { createCampaign, createSignatures, createStaff, sendQueuedMail } from "@/lib/test/factories";
import { queueUpdateBatch, saveUpdateText, sendTestUpdate, startSending, unsubscribe, updateMailsPerMinute, createUpdate } from "@/lib/updates/service";
import { unsubscribeToken } from "@/lib/updates/unsubscribe-token";
import { POST } from "@/app/api/unsubscribe/[token]/route";

// Against the real PostgreSQL of the test setup; mail goes through the real queue and its worker.

type Spec = Parameters<typeof createSignatures>[1][number];

/** A campaign with signers as given, each row then adjusted (consent, language, anonymised). */
async function campaignWith(signers: (Spec & { mayContact?: boolean; locale?: string; anonymised?: boolean })[]) {
  const campaign = await createCampaign();
  const rows = await createSignatures(campaign.id, signers);
  for (const [index, row] of rows.entries()) {
    const spec = signers[index]!;
    await db().signature.update({ where: { id: row.id }, data: { mayContact: spec.mayContact ?? false, locale: spec.locale ?? "en", anonymisedAt: spec.anonymised ? new Date() : null } });
  }
  return { campaign, rows: await db().signature.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" } }) };
}

async function draftWithTexts(campaignId: number) {
  const updateId = await createUpdate(campaignId);
  await saveUpdateText(campaignId, updateId, { locale: "en", subject: "News from the campaign", body: "The vote is **next week**." });
  await saveUpdateText(campaignId, updateId, { locale: "ur", subject: "مہم کی خبر", body: "ووٹ **اگلے ہفتے** ہے۔" });
  return updateId;
}

/** Every mail of the update due now (the throttle spreads them over time). */
const makeDue = (updateId: number) => db().mailOutbox.updateMany({ where: { updateId }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
const queuedFor = (updateId: number) => db().mailOutbox.findMany({ where: { updateId }, orderBy: { id: "asc" } });

describe("campaign updates", () => {
  it("go only to confirmed signers who consented and are not anonymised, each in their language with a one-click unsubscribe", async () => {
    const { campaign, rows } = await campaignWith([
      { status: "CONFIRMED", mayContact: true },
      { status: "CONFIRMED", mayContact: true, locale: "ur" },
      { status: "CONFIRMED", mayContact: false },
      { status: "PENDING", mayContact: true },
      { status: "WITHDRAWN", mayContact: true },
      { status: "CONFIRMED", mayContact: true, anonymised: true },
    ]);
    const admin = await createStaff("ADMIN");
    const updateId = await draftWithTexts(campaign.id);
    expect(await startSending(admin, campaign.id, updateId)).toEqual({ recipients: 2 });

    const queued = await queuedFor(updateId);
    expect(queued.map((mail) => mail.signatureId)).toEqual([rows[0]!.id, rows[1]!.id]);
    const [english, urdu] = queued.map((mail) => mail.message as unknown as MailMessage);
    expect(english!.to).toBe(rows[0]!.email);
    expect(english!.subject).toBe("News from the campaign");
    expect(english!.html).toContain("<strong>next week</strong>");
    expect(urdu!.subject).toBe("مہم کی خبر");
    const token = unsubscribeToken(rows[1]!.id, updateId);
    expect(urdu!.headers).toEqual({ "List-Unsubscribe": `<http://localhost:3000/api/unsubscribe/${token}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(urdu!.text).toContain(`/ur/unsubscribe/${token}`);
    expect(urdu!.text).toMatch(/\/ur\/my-data\/[\w-]{43}/);
    const update = await db().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } });
    expect(update).toMatchObject({ status: "QUEUED", queued: 2, cursor: rows[1]!.id });
    expect(await db().auditEntry.findFirst({ where: { campaignId: campaign.id, action: "campaign.news.send" }, select: { count: true } })).toEqual({ count: 2 });

    // Sent by the queue; the one-click unsubscribe turns consent off once and is counted on the update.
    // (What this test's drain returns is not checked: a server another test file starts on the same
    // database may send them first. The update's own counts say what happened, whoever sent them.)
    await makeDue(updateId);
    await sendQueuedMail(rows[0]!.email, rows[1]!.email);
    expect(await db().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ sent: 2, failed: 0, skipped: 0 });
    expect(await unsubscribe(token)).toBe("unsubscribed");
    expect(await unsubscribe(token)).toBe("already");
    expect(await unsubscribe(`${token.slice(0, -1)}x`)).toBe("invalid");
    expect(await unsubscribe(unsubscribeToken(2_000_000_000, updateId))).toBe("invalid");
    expect((await db().signature.findUniqueOrThrow({ where: { id: rows[1]!.id } })).mayContact).toBe(false);
    expect(await db().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ sent: 2, failed: 0, unsubscribed: 1 });
  });

  it("are queued a batch at a time by signature id, each mail at its turn of the throttled rate", async () => {
    const { campaign, rows } = await campaignWith(Array.from({ length: 5 }, () => ({ status: "CONFIRMED" as const, mayContact: true })));
    const updateId = await draftWithTexts(campaign.id);
    const sendingAt = new Date("2030-01-01T00:00:00Z");
    await db().campaignUpdate.update({ where: { id: updateId }, data: { status: "QUEUEING", sendingAt } });
    const env = { UPDATE_MAILS_PER_MINUTE: "60" };
    expect(await queueUpdateBatch(updateId, 2, env)).toBe(2);
    expect(await db().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ status: "QUEUEING", queued: 2, cursor: rows[1]!.id });
    expect(await queueUpdateBatch(updateId, 2, env)).toBe(2);
    expect(await queueUpdateBatch(updateId, 2, env)).toBe(1);
    expect(await queueUpdateBatch(updateId, 2, env)).toBe(0);
    expect(await db().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ status: "QUEUED", queued: 5 });
    const queued = await queuedFor(updateId);
    expect(queued.map((mail) => mail.signatureId)).toEqual(rows.map((row) => row.id));
    // 60 a minute: one a second from when sending started.
    expect(queued.map((mail) => mail.nextAttemptAt.getTime() - sendingAt.getTime())).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it("are not sent to a signer who withdrew or unsubscribed after they were queued", async () => {
    const { campaign, rows } = await campaignWith([{ status: "CONFIRMED", mayContact: true }, { status: "CONFIRMED", mayContact: true }, { status: "CONFIRMED", mayContact: true }]);
    const updateId = await draftWithTexts(campaign.id);
    await startSending(await createStaff("ADMIN"), campaign.id, updateId);
    await db().signature.update({ where: { id: rows[0]!.id }, data: { status: "WITHDRAWN" } });
    expect(await unsubscribe(unsubscribeToken(rows[1]!.id, updateId))).toBe("unsubscribed");
    await makeDue(updateId);
    await sendQueuedMail(...rows.map((row) => row.email));
    expect(await db().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ queued: 3, sent: 1, skipped: 2, failed: 0, unsubscribed: 1 });
    // The two not sent are removed from the queue (no failure of the mail server); the sent one keeps no message.
    expect((await queuedFor(updateId)).map((mail) => [mail.signatureId, mail.status, mail.message])).toEqual([[rows[2]!.id, "SENT", null]]);
  });

  it("send a test to the staff member alone, marked so, and audited", async () => {
    const { campaign } = await campaignWith([{ status: "CONFIRMED", mayContact: true }]);
    const admin = await createStaff("ADMIN");
    const updateId = await draftWithTexts(campaign.id);
    expect(await sendTestUpdate(admin, campaign.id, updateId)).toEqual({ languages: 2 });
    const tests = await db().mailOutbox.findMany({ where: { kind: "campaign.update.test", recipientKey: { not: "" }, updateId: null }, orderBy: { id: "desc" }, take: 2 });
    const messages = tests.map((mail) => mail.message as unknown as MailMessage).filter((message) => message.to === admin.email);
    expect(messages.map((message) => message.subject).sort()).toEqual(["[Test] News from the campaign", "[آزمائش] مہم کی خبر"]);
    expect(await db().campaignUpdate.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ status: "DRAFT", queued: 0 });
    expect(await db().auditEntry.count({ where: { campaignId: campaign.id, action: "campaign.news.test" } })).toBe(1);
  });

  it("refuse to send twice, without text, or to nobody; a sent update's text cannot change", async () => {
    const admin = await createStaff("ADMIN");
    const { campaign } = await campaignWith([{ status: "CONFIRMED", mayContact: true }]);
    const empty = await createUpdate(campaign.id);
    await expect(startSending(admin, campaign.id, empty)).rejects.toEqual(new DomainError("noText"));
    const updateId = await draftWithTexts(campaign.id);
    await startSending(admin, campaign.id, updateId);
    await expect(startSending(admin, campaign.id, updateId)).rejects.toEqual(new DomainError("alreadySent"));
    await expect(saveUpdateText(campaign.id, updateId, { locale: "en", subject: "Changed", body: "x" })).rejects.toEqual(new DomainError("alreadySent"));
    const nobody = (await campaignWith([{ status: "CONFIRMED", mayContact: false }])).campaign;
    await expect(startSending(admin, nobody.id, await draftWithTexts(nobody.id))).rejects.toEqual(new DomainError("noRecipients"));
    expect(await db().auditEntry.count({ where: { campaignId: campaign.id, action: "campaign.news.send" } })).toBe(1);
  });

  it("are stopped by the one-click POST a mail app sends (RFC 8058), which a bad token cannot use", async () => {
    const { campaign, rows } = await campaignWith([{ status: "CONFIRMED", mayContact: true }]);
    const updateId = await draftWithTexts(campaign.id);
    const post = (token: string) =>
      POST(new Request(`http://localhost/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }), {
        params: Promise.resolve({ token }),
      });
    expect((await post("not-a-token")).status).toBe(404);
    expect((await db().signature.findUniqueOrThrow({ where: { id: rows[0]!.id } })).mayContact).toBe(true);
    const response = await post(unsubscribeToken(rows[0]!.id, updateId));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Unsubscribed");
    expect((await db().signature.findUniqueOrThrow({ where: { id: rows[0]!.id } })).mayContact).toBe(false);
  });

  it("read their rate from UPDATE_MAILS_PER_MINUTE, refusing what is not a sensible rate", () => {
    expect(updateMailsPerMinute({})).toBe(300);
    expect(updateMailsPerMinute({ UPDATE_MAILS_PER_MINUTE: "1200" })).toBe(1200);
    for (const bad of ["0", "-5", "1.5", "10001", "fast"]) expect(() => updateMailsPerMinute({ UPDATE_MAILS_PER_MINUTE: bad })).toThrow(/UPDATE_MAILS_PER_MINUTE/);
  });
});
