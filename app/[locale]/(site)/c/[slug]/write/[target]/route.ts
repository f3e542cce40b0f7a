import type { NextRequest } from "next/server";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { escapeHtml } from "@/lib/html";
import { translator } from "@/lib/i18n/catalogs";
import { isLocale, LOCALE_DIRECTIONS } from "@/lib/i18n/locales";
import { LETTER_COUNT_RATE, mailtoLink } from "@/lib/letters/letter";
import { publicTargets } from "@/lib/letters/queries";
import { letterSchema } from "@/lib/letters/schema";
import { countLetter } from "@/lib/letters/service";
import { requestLog } from "@/lib/log";
import { clientAddressFrom } from "@/lib/net/client-address";
import { localised, paths } from "@/lib/paths";
import { hashClientAddress } from "@/lib/petition/client";
import { consume, limiter } from "@/lib/petition/limits";

// The write page's form for one target posts here: the letter as the signer edited it. The answer is a
// redirect to a mailto: link, which opens it in the signer's own mail app, sent from their address
// (the campaign sees neither). A plain form post, not a server action: the answer leaves the site, and
// the same post works with and without JavaScript (docs/decisions/028). The letter is counted for
// staff, unless this network has counted many to this target within the hour (a script inflating the
// count); a shared network past that still gets its letters, uncounted. Nothing else is kept.

type Params = { params: Promise<{ locale: string; slug: string; target: string }> };

export async function POST(request: NextRequest, { params }: Params) {
  const { locale, slug, target } = await params;
  if (!isLocale(locale)) return problem("en", slug, 404, "notFound");
  const campaign = await getPublicCampaign(slug);
  const targetId = /^[1-9]\d{0,9}$/.test(target) ? Number(target) : null;
  const found = campaign && targetId ? (await publicTargets(campaign.id)).find((one) => one.id === targetId) : undefined;
  if (!campaign || !found) return problem(locale, slug, 404, "notFound");

  const form = await request.formData().catch(() => null);
  const parsed = letterSchema.safeParse({ subject: form?.get("subject") ?? undefined, body: form?.get("body") ?? undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return problem(locale, campaign.slug, 400, `${String(issue.path[0])}-${issue.message}`);
  }

  try {
    const network = hashClientAddress(clientAddressFrom(request.headers));
    if ((await consume(limiter("letter-count", LETTER_COUNT_RATE), `${found.id}:${network}`)) <= LETTER_COUNT_RATE.points) await countLetter(found.id, "MAIL_APP");
  } catch (error) {
    // The count is for staff: the signer's letter opens all the same.
    (await requestLog()).warn("letters: a letter was not counted", { error, targetId: found.id });
  }
  return new Response(null, { status: 303, headers: { Location: mailtoLink(found.email, parsed.data), "Cache-Control": "no-store" } });
}

type Problem = "notFound" | "subject-required" | "subject-tooLong" | "body-required" | "body-tooLong";

/**
 * What went wrong, as a short page in the reader's language: only a post that skipped the form's own
 * checks gets here. Going back keeps what was typed (browsers restore a form's fields).
 */
function problem(locale: string, slug: string, status: 400 | 404, reason: string): Response {
  const t = translator(locale, "Letters.problem");
  const known: Problem[] = ["notFound", "subject-required", "subject-tooLong", "body-required", "body-tooLong"];
  const message = t(known.includes(reason as Problem) ? (reason as Problem) : "invalid");
  const back = escapeHtml(localised(locale, paths.write(slug)));
  const html =
    `<!doctype html><html lang="${escapeHtml(locale)}" dir="${isLocale(locale) ? LOCALE_DIRECTIONS[locale] : "ltr"}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(t("title"))}</title></head><body><main><h1>${escapeHtml(t("title"))}</h1>` +
    `<p>${escapeHtml(message)}</p><p><a href="${back}">${escapeHtml(t("back"))}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
