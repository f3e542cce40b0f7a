import { getTranslations } from "next-intl/server";
import { BulkModeration } from "@/components/admin/moderation/bulk-moderation";
import { SignatureFilters } from "@/components/admin/moderation/signature-filters";
import { SignatureTable } from "@/components/admin/moderation/signature-table";
import { requireStaff } from "@/lib/auth/session";
import { parseCursor, parseSignatureFilter } from "@/lib/moderation/filter";
import { campaignChoices, listSignatures } from "@/lib/moderation/queries";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };


export default async function SignaturesPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filter = parseSignatureFilter(params);
  const [t, page, campaigns] = await Promise.all([
    getTranslations("AdminSignatures"),
    listSignatures(filter, { after: parseCursor(params.after), before: parseCursor(params.before) }),
    campaignChoices(),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <SignatureFilters filter={filter} campaigns={campaigns} canExport={staff.role === "ADMIN"} />
      <SignatureTable page={page} filter={filter} />
      <BulkModeration filter={filter} canDelete={staff.role === "ADMIN"} />
    </>
  );
}
