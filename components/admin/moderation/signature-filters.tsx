import { textDirectionOf } from "@/lib/i18n/locales";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { filterQuery, type SignatureFilter } from "@/lib/moderation/filter";
import { SIGNATURE_STATUSES } from "@/lib/petition/states";
import { localised, paths } from "@/lib/paths";

/** A GET form: the filter lives in the URL, so it can be shared, bookmarked and used without JavaScript. */
export async function SignatureFilters({ filter, campaigns, canExport }: { filter: SignatureFilter; campaigns: { id: number; title: string; locale: string }[]; canExport: boolean }) {
  const t = await getTranslations("AdminSignatures");
  const ts = await getTranslations("AdminModeration.status");
  const locale = await getLocale();
  return (
    <form method="get" action={localised(locale, paths.adminSignatures())} className="filters" aria-label={t("filtersLabel")}>
      <div className="field">
        <label htmlFor="f-campaign">{t("campaign")}</label>
        <select id="f-campaign" name="campaign" defaultValue={filter.campaign ?? ""}>
          <option value="">{t("all")}</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id} lang={campaign.locale} dir={textDirectionOf(campaign.locale)}>
              {campaign.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">{t("status")}</label>
        <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
          <option value="">{t("all")}</option>
          {SIGNATURE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ts(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-country">{t("country")}</label>
        <input id="f-country" name="country" defaultValue={filter.country ?? ""} maxLength={3} size={4} aria-describedby="f-country-hint" />
        <span id="f-country-hint" className="hint">
          {t("countryHint")}
        </span>
      </div>
      <div className="field">
        <label htmlFor="f-from">{t("from")}</label>
        <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="f-to">{t("to")}</label>
        <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="f-q">{t("search")}</label>
        <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} aria-describedby="f-q-hint" />
        <span id="f-q-hint" className="hint">
          {t("searchHint")}
        </span>
      </div>
      {filter.client && <input type="hidden" name="client" value={filter.client} />}
      {filter.domain && <input type="hidden" name="domain" value={filter.domain} />}
      {filter.since && <input type="hidden" name="since" value={filter.since} />}
      {filter.until && <input type="hidden" name="until" value={filter.until} />}
      {(filter.client || filter.domain || filter.since || filter.until) && (
        <p className="notice small">
          {t("narrowed", { what: filter.domain ?? (filter.client ? `${filter.client.slice(0, 12)}…` : t("anyone")), since: filter.since ?? "…", until: filter.until ?? "…" })}
        </p>
      )}
      <button type="submit" className="button">
        {t("apply")}
      </button>
      <Link href={paths.adminSignatures()}>{t("clear")}</Link>
      {canExport && <a href={localised(locale, paths.adminExport(filterQuery(filter)))}>{t("export")}</a>}
    </form>
  );
}
