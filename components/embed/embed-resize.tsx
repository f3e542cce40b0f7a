"use client";

import { useEffect } from "react";
import { EMBED_MESSAGE } from "@/lib/sharing/embed";

/**
 * Tells the page around the iframe how tall the widget is, whenever that changes (errors shown, the
 * thank-you page), so it can size the iframe without a scrollbar. The message carries only a height:
 * any page may read it.
 */
export function EmbedResize() {
  useEffect(() => {
    if (window.parent === window) return;
    const main = document.getElementById("main");
    if (!main) return;
    let last = 0;
    // The content's own height: the document's scrollHeight never drops below the frame's height,
    // so it could grow the frame but never shrink it.
    const send = () => {
      const height = Math.ceil(main.offsetTop + main.offsetHeight + parseFloat(getComputedStyle(document.body).marginBlockEnd || "0"));
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: EMBED_MESSAGE, height }, "*");
    };
    const observer = new ResizeObserver(send);
    observer.observe(main);
    send();
    return () => observer.disconnect();
  }, []);
  return null;
}
