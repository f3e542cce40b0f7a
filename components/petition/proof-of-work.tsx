"use client";

import type { AltchaWidgetElement } from "altcha";
import { useEffect, useRef } from "react";
import { paths } from "@/lib/paths";
import { POW_FIELD } from "@/lib/petition/fields";

/** How long a submission may wait for the proof of work before it is sent without one. */
const WAIT_LIMIT_MS = 3_000;

const WIDGET_CONFIGURATION = JSON.stringify({ hideFooter: true, hideLogo: true, humanInteractionSignature: false, minDuration: 0 });

/**
 * The invisible proof of work (ALTCHA) of the signing form. Only with JavaScript: the widget's code
 * is loaded when the signer first focuses a field (or presses in the form), and it starts solving
 * then, so the answer is usually ready before they press the button. If it is not, the submission
 * waits for it (the button shows progress), up to a few seconds; after that, or when anything fails,
 * the form is sent without one. Never a dead end: without an answer the server only applies
 * stricter limits (lib/petition/screening.ts).
 */
export function ProofOfWork({ onWaitingChange }: { onWaitingChange: (waiting: boolean) => void }) {
  const holder = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const host = holder.current;
    const form = host?.closest("form");
    if (!host || !form) return;
    let widget: AltchaWidgetElement | null = null;
    let failed = false;
    let cancelled = false;
    let waiting = false;
    let resubmitting = false;

    // The widget's code (~110 KB, and costly to evaluate on a slow phone) is fetched only when the
    // signer first reaches the form, not with the page; it then starts solving straight away.
    let ready: Promise<AltchaWidgetElement | null> | null = null;
    const load = () =>
      (ready ??= import("altcha")
        .then(
          () =>
            new Promise<AltchaWidgetElement | null>((resolve) => {
              if (cancelled) return resolve(null);
              const element = document.createElement("altcha-widget");
              element.setAttribute("challenge", paths.altchaChallenge());
              element.setAttribute("name", POW_FIELD);
              element.setAttribute("display", "invisible");
              element.setAttribute("configuration", WIDGET_CONFIGURATION);
              // Its methods exist only once it has loaded.
              element.addEventListener(
                "load",
                () => {
                  widget = element;
                  if (!cancelled) void element.verify().catch(() => undefined);
                  resolve(element);
                },
                { once: true },
              );
              host.append(element);
            }),
        )
        .catch(() => {
          failed = true;
          return null;
        }));

    const state = () => (widget && !failed ? String(widget.getState()) : "none");

    // Resolves once the widget has an answer or gave up; starts it when it has not started yet.
    const settled = (element: AltchaWidgetElement) =>
      new Promise<void>((resolve) => {
        const check = () => {
          const current = String(element.getState());
          if (current === "verified" || current === "error") {
            element.removeEventListener("statechange", check);
            resolve();
          }
        };
        element.addEventListener("statechange", check);
        if (String(element.getState()) !== "verifying") void element.verify().catch(() => undefined);
        check();
      });

    const onSubmit = (event: SubmitEvent) => {
      if (resubmitting) {
        resubmitting = false;
        return;
      }
      if (waiting) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (failed || state() === "verified" || state() === "error") return;
      // Not solved yet: hold this submission (React never sees it) and send it again when ready.
      event.preventDefault();
      event.stopPropagation();
      waiting = true;
      onWaitingChange(true);
      const submitter = event.submitter;
      const limit = new Promise<void>((resolve) => setTimeout(resolve, WAIT_LIMIT_MS));
      void Promise.race([load().then((element) => (element ? settled(element) : undefined)), limit]).then(() => {
        waiting = false;
        onWaitingChange(false);
        if (cancelled) return;
        resubmitting = true;
        try {
          form.requestSubmit(submitter);
        } catch {
          form.requestSubmit(); // the button is gone (re-rendered): the form's default one will do
        }
      });
    };

    // Capture phase on the form: runs before React's listener on the root.
    form.addEventListener("submit", onSubmit, { capture: true });
    form.addEventListener("focusin", load, { once: true });
    form.addEventListener("pointerdown", load, { once: true });
    return () => {
      cancelled = true;
      form.removeEventListener("submit", onSubmit, { capture: true });
      form.removeEventListener("focusin", load);
      form.removeEventListener("pointerdown", load);
      host.replaceChildren();
    };
  }, [onWaitingChange]);

  return <span ref={holder} hidden />;
}
