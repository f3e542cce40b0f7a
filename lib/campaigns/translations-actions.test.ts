import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { deleteTranslationAction, saveTranslationAction, type TranslationFormState } from "@/lib/campaigns/translations-actions";
import { db } from "@/lib/db";
import { initialFormState } from "@/lib/forms/state";
import { createCampaign, createStaff } from "@/lib/test/factories";
import { redirectOf } from "@/lib/test/redirect";
import en from "@/messages/en.json";

// The actions as an admin calls them, against the real database: the form's errors, and the redirect
// after a save. (That others are refused is lib/auth/authorization.test.ts's part.)

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => session.current }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
  getLocale: async () => "en",
}));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path), revalidateTag: () => undefined }));

const initial: TranslationFormState = initialFormState();
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
beforeEach(async () => {
  session.current = { user: { id: String((await createStaff("ADMIN")).id) } };
  revalidated.length = 0;
});

describe("saveTranslationAction", () => {
  it("saves, refreshes the pages showing the campaign, and returns to the translations section", async () => {
    const campaign = await createCampaign();
    const to = await redirectOf(saveTranslationAction(campaign.id, initial, form({ locale: "ur", title: "عنوان", summary: "خلاصہ", statement: "متن۔" })));
    expect(to).toBe(`/en/admin/campaigns/${campaign.id}?notice=translation-saved#translations`);
    // Every page, in every language (pages render per request: this only empties browsers' caches).
    expect(revalidated).toEqual(["/"]);
    expect(await db().campaignTranslation.findMany({ where: { campaignId: campaign.id } })).toMatchObject([{ locale: "ur", title: "عنوان" }]);
    // The same again: nothing to save, and it says so.
    revalidated.length = 0;
    expect(await redirectOf(saveTranslationAction(campaign.id, initial, form({ locale: "ur", title: "عنوان", summary: "خلاصہ", statement: "متن۔" })))).toBe(
      `/en/admin/campaigns/${campaign.id}?notice=translation-unchanged#translations`,
    );
    expect(revalidated).toEqual([]);
  });

  it("returns the errors by field, in words, with what was typed, and saves nothing", async () => {
    const campaign = await createCampaign();
    const state = await saveTranslationAction(campaign.id, { ...initial, attempt: 2 }, form({ locale: "fr", title: "x".repeat(201), summary: "", statement: "متن" }));
    expect(state).toEqual({
      formError: en.AdminTranslations.errors.fixBelow,
      fieldErrors: { locale: en.AdminTranslations.errors.localeInvalid, title: en.AdminTranslations.errors.tooLong, summary: en.AdminTranslations.errors.required },
      notice: null,
      values: { locale: "fr", title: "x".repeat(201), summary: "", statement: "متن" },
      attempt: 3,
    });
    expect(await db().campaignTranslation.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("puts the refusal of the original's language beside the language field", async () => {
    const campaign = await createCampaign();
    const state = await saveTranslationAction(campaign.id, initial, form({ locale: "en", title: "A title", summary: "A summary.", statement: "Text." }));
    expect(state.fieldErrors).toEqual({ locale: en.AdminTranslations.errors.sameAsOriginal });
    const missing = await saveTranslationAction(2_000_000_000, initial, form({ locale: "ur", title: "عنوان", summary: "خلاصہ", statement: "متن۔" }));
    expect(missing).toMatchObject({ formError: en.AdminTranslations.errors.campaignNotFound, fieldErrors: {} });
  });
});

describe("deleteTranslationAction", () => {
  it("deletes only once the box is ticked", async () => {
    const campaign = await createCampaign();
    await redirectOf(saveTranslationAction(campaign.id, initial, form({ locale: "ur", title: "عنوان", summary: "خلاصہ", statement: "متن۔" })));
    const unticked = await deleteTranslationAction(campaign.id, initialFormState(), form({ locale: "ur" }));
    expect(unticked).toEqual({ ...initialFormState(), formError: en.AdminTranslations.errors.confirmRequired, attempt: 1 });
    expect(await db().campaignTranslation.count({ where: { campaignId: campaign.id } })).toBe(1);

    const to = await redirectOf(deleteTranslationAction(campaign.id, unticked, form({ locale: "ur", confirm: "yes" })));
    expect(to).toBe(`/en/admin/campaigns/${campaign.id}?notice=translation-deleted#translations`);
    expect(await db().campaignTranslation.count({ where: { campaignId: campaign.id } })).toBe(0);
    // Deleted already (a second tab, a double submit): said in words.
    expect(await deleteTranslationAction(campaign.id, unticked, form({ locale: "ur", confirm: "yes" }))).toEqual({ ...initialFormState(), formError: en.AdminTranslations.errors.notFound, attempt: 2 });
  });
});
