import "server-only";
import { db } from "@/lib/db";
import type { SignatureStatus } from "@/lib/petition/states";
import { hashToken, isWellFormedToken } from "@/lib/petition/tokens";
import { campaignLink } from "@/lib/sharing/links";
import { confirmedReferrals } from "@/lib/sharing/queries";

export type OwnData = {
  campaign: string;
  fullName: string;
  email: string;
  country: string;
  comment: string | null;
  showName: boolean;
  mayContact: boolean;
  status: SignatureStatus;
  locale: string;
  signedAt: string;
  confirmedAt: string | null;
  /** The signer's personal share link, and how many signatures that count came through it. */
  shareUrl: string | null;
  confirmedReferrals: number;
};

/**
 * What we hold about one signature, for its signer, through the ACCESS link of the confirmation mail.
 * The link may be used again until it expires; null once the data has been anonymised or the link is wrong.
 */
export async function ownData(token: string, now = new Date()): Promise<OwnData | null> {
  if (!isWellFormedToken(token)) return null;
  const found = await db().signatureToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, expiresAt: true, signature: { include: { campaign: { select: { title: true, slug: true } } } } },
  });
  if (!found || found.purpose !== "ACCESS" || found.expiresAt <= now || found.signature.anonymisedAt) return null;
  const s = found.signature;
  return {
    campaign: s.campaign.title,
    fullName: s.fullName,
    email: s.email,
    country: s.country,
    comment: s.comment,
    showName: s.showName,
    mayContact: s.mayContact,
    status: s.status,
    locale: s.locale,
    signedAt: s.createdAt.toISOString(),
    confirmedAt: s.confirmedAt?.toISOString() ?? null,
    shareUrl: s.referralCode ? campaignLink(s.locale, s.campaign.slug, { referral: s.referralCode }) : null,
    confirmedReferrals: await confirmedReferrals(s.id),
  };
}
