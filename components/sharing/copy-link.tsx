"use client";

import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

const noSubscription = () => () => undefined;

/** The link in a read-only field (copyable by hand, also without JavaScript) and, with it, a Copy button. */
export function CopyLink({ url }: { url: string }) {
  const t = useTranslations("Petition.share");
  const [copied, setCopied] = useState(false);
  const canCopy = useSyncExternalStore(noSubscription, () => !!navigator.clipboard, () => false);
  return (
    <div className="copy-link">
      <label htmlFor="share-url" className="visually-hidden">
        {t("linkLabel")}
      </label>
      <input id="share-url" type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      {canCopy && (
        <button
          type="button"
          className="button button-secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {t("copy")}
        </button>
      )}
      <span role="status" className="small">
        {copied ? t("copied") : ""}
      </span>
    </div>
  );
}
