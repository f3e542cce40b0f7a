"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type { CountryOption } from "@/lib/countries";

type Props = {
  id: string;
  name: string;
  options: CountryOption[];
  defaultValue?: string;
  invalid: boolean;
  describedBy?: string;
};

/**
 * A native <select> (type-ahead works everywhere, also without JavaScript) with a search box that
 * narrows the list once JavaScript runs. The selected country always stays in the list.
 */
const noSubscription = () => () => undefined;

export function CountrySelect({ id, name, options, defaultValue, invalid, describedBy }: Props) {
  const t = useTranslations("Petition.form");
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue ?? "");
  const filterId = useId();
  // The search box does nothing without JavaScript, so it is rendered only once the page is hydrated.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle
    ? options.filter((option) => option.code === value || option.name.toLocaleLowerCase().includes(needle) || option.code.toLowerCase() === needle)
    : options;
  return (
    <>
      {hydrated && (
        <>
          <label className="visually-hidden" htmlFor={filterId}>
            {t("countryFilter")}
          </label>
          <input
            id={filterId}
            type="search"
            className="country-filter"
            placeholder={t("countryFilter")}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              const typed = event.target.value.trim().toLocaleLowerCase();
              const first = typed && options.find((option) => option.name.toLocaleLowerCase().includes(typed));
              if (first) setValue(first.code);
            }}
            aria-controls={id}
            autoComplete="off"
          />
        </>
      )}
      {needle && shown.length === 0 && (
        <p className="hint" role="status">
          {t("noCountryMatch", { query })}
        </p>
      )}
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="country"
        required
      >
        <option value="">{t("chooseCountry")}</option>
        {shown.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </>
  );
}
