"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

type Words = { linkLabel: string; copy: string; copied: string };

/**
 * The link in a read-only field (copyable by hand, also without JavaScript) and, with it, a Copy button.
 * The words come formatted from the server (copyLinkWords), so the browser formats no message.
 */
export function CopyLink({ url, words }: { url: string; words: Words }) {
  const [copied, setCopied] = useState(false);
  const canCopy = useSyncExternalStore(noSubscription, () => !!navigator.clipboard, () => false);
  return (
    <div className="copy-link">
      <label htmlFor="share-url" className="visually-hidden">
        {words.linkLabel}
      </label>
      <input id="share-url" type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      {canCopy && (
        <button
          type="button"
          className="button button-secondary"
          onClick={async (event) => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
            } catch {
              // The browser refused (no permission, not a secure context): select the address for
              // copying by hand instead of claiming it was copied.
              const field = event.currentTarget.parentElement?.querySelector("input");
              field?.focus();
              field?.select();
            }
          }}
        >
          {words.copy}
        </button>
      )}
      <span role="status" className="small">
        {copied ? words.copied : ""}
      </span>
    </div>
  );
}
