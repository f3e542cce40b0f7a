import { describe, expect, it } from "vitest";
import { renderStatement } from "@/lib/campaigns/markdown";
import { STATEMENT_MAX } from "@/lib/campaigns/schema";
import { DomainError } from "@/lib/domain-error";
import { localisedCampaign, localisedCampaigns, listTranslations } from "@/lib/campaigns/translations-queries";
import { deleteTranslationSchema, translationSchema, type TranslationInput } from "@/lib/campaigns/translations-schema";
import { deleteTranslation, saveTranslation } from "@/lib/campaigns/translations-service";
import { db } from "@/lib/db";
import { createCampaign, createStaff } from "@/lib/test/factories";

// Against the real PostgreSQL of the test setup. Each test makes its own admin and campaign.

const URDU = {
  locale: "ur",
  title: "انسانی حقوق کے محافظوں کو آزاد کرو",
  summary: "ایک خلاصہ۔",
  statement: "پہلا پیراگراف۔\n\nدوسرا پیراگراف۔",
} as const;

const input = (overrides: Partial<Record<keyof TranslationInput, string>> = {}): TranslationInput => translationSchema.parse({ ...URDU, ...overrides });
const auditOf = (campaignId: number) => db().auditEntry.findMany({ where: { campaignId }, orderBy: { id: "asc" } });
const translationsOf = (campaignId: number) => db().campaignTranslation.findMany({ where: { campaignId } });
const admin = () => createStaff("ADMIN");
const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("saveTranslation", () => {
  it("adds a translation and its audit entry", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    const saved = await saveTranslation(actor, campaign.id, input());
    expect(saved).toEqual({ campaignId: campaign.id, slug: campaign.slug, locale: "ur", created: true, changed: ["title", "summary", "statement"] });
    expect(await translationsOf(campaign.id)).toMatchObject([{ locale: "ur", title: URDU.title, summary: URDU.summary, statement: URDU.statement }]);
    const [entry, ...more] = await auditOf(campaign.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: "campaign.translation.save", actorId: actor.id, actorEmail: actor.email });
    // The statement is named as changed; its text is not copied into the log.
    expect(entry!.details).toEqual({ locale: "ur", created: true, changed: ["title", "summary", "statement"], after: { title: URDU.title, summary: URDU.summary } });
  });

  it("updates only what changed and records it with before and after", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    await saveTranslation(actor, campaign.id, input());
    const saved = await saveTranslation(actor, campaign.id, input({ title: "نیا عنوان", statement: "نیا متن۔" }));
    expect(saved).toMatchObject({ created: false, changed: ["title", "statement"] });
    expect(await translationsOf(campaign.id)).toMatchObject([{ title: "نیا عنوان", summary: URDU.summary, statement: "نیا متن۔" }]);
    const entries = await auditOf(campaign.id);
    expect(entries.map((entry) => entry.action)).toEqual(["campaign.translation.save", "campaign.translation.save"]);
    expect(entries[1]!.details).toEqual({ locale: "ur", changed: ["title", "statement"], before: { title: URDU.title }, after: { title: "نیا عنوان" } });
  });

  it("writes nothing, not even an audit entry, when nothing changed", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    await saveTranslation(actor, campaign.id, input());
    const before = await translationsOf(campaign.id);
    expect(await saveTranslation(actor, campaign.id, input())).toMatchObject({ created: false, changed: [] });
    expect(await translationsOf(campaign.id)).toEqual(before);
    expect(await auditOf(campaign.id)).toHaveLength(1);
  });

  it("refuses a translation into the original's own language, on the locale field, and writes nothing", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    const error = await errorOf(saveTranslation(actor, campaign.id, input({ locale: "en" })));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "sameAsOriginal", field: "locale" });
    // A campaign written in Urdu: Urdu is refused, English is a translation.
    const urdu = await db().campaign.update({ where: { id: campaign.id }, data: { locale: "ur" } });
    await expect(saveTranslation(actor, urdu.id, input())).rejects.toMatchObject({ code: "sameAsOriginal" });
    expect(await translationsOf(campaign.id)).toEqual([]);
    expect(await auditOf(campaign.id)).toEqual([]);
    await saveTranslation(actor, urdu.id, input({ locale: "en", title: "Free the defenders" }));
    expect((await translationsOf(campaign.id)).map((t) => t.locale)).toEqual(["en"]);
  });

  it("refuses a language the site does not offer, even past the schema", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    await expect(saveTranslation(actor, campaign.id, { ...input(), locale: "fr" as "ur" })).rejects.toMatchObject({ code: "localeInvalid", field: "locale" });
    expect(await translationsOf(campaign.id)).toEqual([]);
  });

  it("refuses a campaign that does not exist or an id that is not one", async () => {
    const actor = await admin();
    for (const id of [2_000_000_000, 0, -1, Number.NaN, 1.5]) {
      await expect(saveTranslation(actor, id, input())).rejects.toMatchObject({ code: "campaignNotFound" });
    }
  });

  it("keeps the columns' limits, counted in characters, as the schema does", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    const longest = input({ title: "ع".repeat(200), summary: "ب".repeat(500) });
    await saveTranslation(actor, campaign.id, longest);
    expect(await translationsOf(campaign.id)).toMatchObject([{ title: "ع".repeat(200), summary: "ب".repeat(500) }]);
    // Past the schema, the database refuses too, and the audit entry goes with the failed write.
    await expect(saveTranslation(actor, campaign.id, { ...longest, title: "ع".repeat(201) })).rejects.toMatchObject({ code: "P2000" });
    expect(await auditOf(campaign.id)).toHaveLength(1);
  });

  it("writes the audit entry in the same transaction: when it fails, no translation is left", async () => {
    const campaign = await createCampaign();
    await expect(saveTranslation({ id: 2_000_000_000, email: "ghost@example.org" }, campaign.id, input())).rejects.toMatchObject({ code: "P2003" });
    expect(await translationsOf(campaign.id)).toEqual([]);
  });

  it("keeps one translation per language when two admins save at once", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    const results = await Promise.all([saveTranslation(actor, campaign.id, input()), saveTranslation(actor, campaign.id, input({ title: "دوسرا عنوان" }))]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await translationsOf(campaign.id)).toHaveLength(1);
    expect(await auditOf(campaign.id)).toHaveLength(2);
  });
});

describe("deleteTranslation", () => {
  it("deletes the translation and records it", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    await saveTranslation(actor, campaign.id, input());
    expect(await deleteTranslation(actor, campaign.id, "ur")).toEqual({ campaignId: campaign.id, slug: campaign.slug, locale: "ur" });
    expect(await translationsOf(campaign.id)).toEqual([]);
    const entries = await auditOf(campaign.id);
    expect(entries.map((entry) => entry.action)).toEqual(["campaign.translation.save", "campaign.translation.delete"]);
    expect(entries[1]).toMatchObject({ actorId: actor.id, details: { locale: "ur", before: { title: URDU.title, summary: URDU.summary } } });
  });

  it("refuses a translation that does not exist, and records nothing", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    await expect(deleteTranslation(actor, campaign.id, "ur")).rejects.toMatchObject({ code: "notFound" });
    await expect(deleteTranslation(actor, 2_000_000_000, "ur")).rejects.toMatchObject({ code: "campaignNotFound" });
    expect(await auditOf(campaign.id)).toEqual([]);
  });

  it("goes with its campaign", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    await saveTranslation(actor, campaign.id, input());
    await db().auditEntry.deleteMany({ where: { campaignId: campaign.id } });
    await db().campaign.delete({ where: { id: campaign.id } });
    expect(await translationsOf(campaign.id)).toEqual([]);
  });
});

describe("translationSchema", () => {
  const errors = (values: Record<string, unknown>) => {
    const result = translationSchema.safeParse({ ...URDU, ...values });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]));
  };

  it("accepts the site's languages only", () => {
    expect(errors({})).toEqual({});
    expect(translationSchema.parse({ ...URDU, locale: " ur " }).locale).toBe("ur");
    for (const locale of ["fr", "UR", "ur-PK", "", undefined, ["ur"]]) expect(errors({ locale })).toEqual({ locale: "localeInvalid" });
  });

  it("requires every text and refuses what is too long", () => {
    expect(errors({ title: "  ", summary: undefined, statement: "" })).toEqual({ title: "required", summary: "required", statement: "required" });
    expect(errors({ title: "x".repeat(201), summary: "x".repeat(501), statement: "x".repeat(STATEMENT_MAX + 1) })).toEqual({ title: "tooLong", summary: "tooLong", statement: "tooLong" });
    expect(errors({ title: "x".repeat(200), summary: "x".repeat(500), statement: "x".repeat(STATEMENT_MAX) })).toEqual({});
  });

  it("deletes only with the box ticked", () => {
    expect(deleteTranslationSchema.safeParse({ locale: "ur", confirm: "yes" }).success).toBe(true);
    for (const confirm of [undefined, "", "on", "no"]) {
      expect(deleteTranslationSchema.safeParse({ locale: "ur", confirm }).error?.issues.map((issue) => issue.message)).toEqual(["confirmRequired"]);
    }
  });
});

describe("listTranslations", () => {
  it("lists a campaign's translations only", async () => {
    const [actor, campaign, other] = await Promise.all([admin(), createCampaign(), createCampaign()]);
    await saveTranslation(actor, campaign.id, input());
    await saveTranslation(actor, other.id, input({ title: "کوئی اور" }));
    expect(await listTranslations(campaign.id)).toEqual([{ locale: "ur", title: URDU.title, summary: URDU.summary, updatedAt: expect.any(Date) }]);
  });
});

describe("localisedCampaign", () => {
  it("shows the translation into the reader's language over the original, and keeps everything else", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    await saveTranslation(actor, campaign.id, input());
    const shown = await localisedCampaign(campaign, "ur");
    expect(shown).toEqual({ ...campaign, title: URDU.title, summary: URDU.summary, statement: URDU.statement, shownLocale: "ur", translated: true, originalLocale: "en" });
  });

  it("falls back to the original when there is no translation, and says so", async () => {
    const campaign = await createCampaign();
    expect(await localisedCampaign(campaign, "ur")).toEqual({ ...campaign, shownLocale: "en", translated: false, originalLocale: "en" });
    // The original's own language, and a language the site does not offer, read the original too.
    expect(await localisedCampaign(campaign, "en")).toMatchObject({ title: campaign.title, shownLocale: "en", translated: false });
    expect(await localisedCampaign(campaign, "fr")).toMatchObject({ title: campaign.title, shownLocale: "en", translated: false });
  });

  it("reads an Urdu original in English when an English translation exists", async () => {
    const [actor, created] = await Promise.all([admin(), createCampaign()]);
    const campaign = await db().campaign.update({ where: { id: created.id }, data: { locale: "ur", title: URDU.title } });
    await saveTranslation(actor, campaign.id, input({ locale: "en", title: "Free the defenders" }));
    expect(await localisedCampaign(campaign, "en")).toMatchObject({ title: "Free the defenders", shownLocale: "en", translated: true, originalLocale: "ur" });
    expect(await localisedCampaign(campaign, "ur")).toMatchObject({ title: URDU.title, shownLocale: "ur", translated: false, originalLocale: "ur" });
  });

  it("does the same for a list, in one go", async () => {
    const [actor, translated, untranslated] = await Promise.all([admin(), createCampaign(), createCampaign()]);
    await saveTranslation(actor, translated.id, input());
    const shown = await localisedCampaigns([translated, untranslated], "ur");
    expect(shown.map((campaign) => [campaign.id, campaign.title, campaign.translated, campaign.shownLocale])).toEqual([
      [translated.id, URDU.title, true, "ur"],
      [untranslated.id, untranslated.title, false, "en"],
    ]);
    expect(await localisedCampaigns([], "ur")).toEqual([]);
  });

  it("renders a translated statement through the same sanitiser: script and handlers are inert", async () => {
    const [actor, campaign] = await Promise.all([admin(), createCampaign()]);
    const statement = 'پہلا۔\n\n<script>alert("x")</script>\n\n<img src=x onerror="alert(1)"> [link](javascript:alert(2)) <a href="https://example.org" onclick="alert(3)">ویب</a>';
    await saveTranslation(actor, campaign.id, input({ statement }));
    const html = renderStatement((await localisedCampaign(campaign, "ur")).statement);
    expect(html).not.toMatch(/<script|alert|onerror|onclick|javascript:|<img/);
    expect(html).toContain("<p>پہلا۔</p>");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">ویب</a>');
  });
});
