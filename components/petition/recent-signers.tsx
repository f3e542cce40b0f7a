import { getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import type { RecentSigner } from "@/lib/petition/queries";

export async function RecentSigners({ signers }: { signers: RecentSigner[] }) {
  const t = await getTranslations("Petition.recent");
  const locale = await getLocale();
  return (
    <section aria-labelledby="recent-heading" className="recent-signers">
      <h3 id="recent-heading">{t("heading")}</h3>
      {signers.length === 0 ? (
        <p className="muted small">{t("empty")}</p>
      ) : (
        <ul>
          {signers.map((signer, index) => (
            <li key={index}>{t("signer", { name: signer.firstName, country: countryName(signer.country, locale) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
