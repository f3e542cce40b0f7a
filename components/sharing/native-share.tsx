"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/** The device's own share sheet, where the browser offers one (most phones); nothing otherwise. */
export function NativeShare({ url, title, text, label }: { url: string; title: string; text: string; label: string }) {
  const supported = useSyncExternalStore(noSubscription, () => typeof navigator.share === "function", () => false);
  if (!supported) return null;
  return (
    <button
      type="button"
      className="button button-secondary"
      onClick={() => navigator.share({ url, title, text }).catch(() => undefined /* the reader closed the sheet */)}
    >
      {label}
    </button>
  );
}
