"use client";

import { useId, useState, useSyncExternalStore } from "react";
import type { SignFormText } from "@/components/petition/sign-form-text";
import type { CountryOption } from "@/lib/countries";
import { escapeHtml } from "@/lib/html";

type Props = {
  id: string;
  name: string;
  text: Pick<SignFormText, "countryFilter" | "chooseCountry" | "noMatchBefore" | "noMatchAfter">;
  options: CountryOption[];
  defaultValue?: string;
  invalid: boolean;
  describedBy?: string;
};

const noSubscription = () => () => undefined;

/**
 * The <option>s as one string of markup (React writes it as the select's content): ~250 countries as
 * React elements cost the page's hydration a fifth of its work on a phone, for content that never
 * changes but with the filter. The selected one is marked in the markup too, so the server-rendered
 * page (and a page without JavaScript) shows the country the signer had chosen.
 */
export function optionsMarkup(placeholder: string, options: readonly CountryOption[], selected: string): string {
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}"${value === selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
  return option("", placeholder) + options.map((country) => option(country.code, country.name)).join("");
}

/**
 * A native <select> (type-ahead works everywhere, also without JavaScript) with a search box that
 * narrows the list once JavaScript runs. The selected country always stays in the list.
 */
export function CountrySelect({ id, name, text, options, defaultValue, invalid, describedBy }: Props) {
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
            {text.countryFilter}
          </label>
          <input
            id={filterId}
            type="search"
            className="country-filter"
            placeholder={text.countryFilter}
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
          {text.noMatchBefore}
          {query}
          {text.noMatchAfter}
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
        dangerouslySetInnerHTML={{ __html: optionsMarkup(text.chooseCountry, shown, value) }}
      />
    </>
  );
}
