// A steady stream of people signing and then confirming, in the background of another measurement:
// each signs through the form's server action, gets the mail (DATA_DIR/outbox without SMTP_URL), and
// presses the button behind the mailed link (the confirm page's server action), as people do.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { hiddenFields, multipart } from "./html-form";
import { fetchSignForm, signOnce, signer, type SignResult } from "./signers";
import { campaignPath } from "./site-paths";

export type FlowStats = { signed: number; confirmed: number; failures: Map<string, number>; seconds: number };

export type Flow = { stop: () => Promise<FlowStats>; stats: () => FlowStats };

/**
 * Starts signing `perSecond` times a second (as evenly as the server allows, at most `maxInFlight`
 * at once) with new signers on network numbers from `firstNetwork`, and confirms each as its mail
 * arrives.
 */
export async function startFlow(options: { baseUrl: string; prefix: string; slug: string; dataDir: string; perSecond: number; tag: string; firstNetwork: number; maxInFlight?: number }): Promise<Flow> {
  const { baseUrl, prefix, slug, perSecond, tag } = options;
  const form = await fetchSignForm(baseUrl, campaignPath(prefix, slug));
  const outbox = path.join(options.dataDir, "outbox");
  const seen = new Set(await listMail(outbox));
  const maxInFlight = options.maxInFlight ?? 16;
  const started = Date.now();
  const stats: FlowStats = { signed: 0, confirmed: 0, failures: new Map(), seconds: 0 };
  const fail = (kind: string) => stats.failures.set(kind, (stats.failures.get(kind) ?? 0) + 1);
  let confirmFields: [string, string][] | undefined;
  let running = true;
  let inFlight = 0;
  let n = 0;
  const pending = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };

  const signTimer = setInterval(() => {
    // Catch up with the schedule, never past the in-flight cap (the server is the bottleneck then).
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
    while (running && n < due && inFlight < maxInFlight) {
      const who = signer(tag, n);
      who.network = networkNumber(options.firstNetwork + n);
      n += 1;
      inFlight += 1;
      track(
        signOnce(baseUrl, form, who)
          .then((result: SignResult) => (result === "signed" ? (stats.signed += 1) : fail(`sign ${result}`)))
          .catch((error: Error) => fail(`sign ${error.message}`))
          .finally(() => (inFlight -= 1)),
      );
    }
  }, 10);

  const confirmOne = async (token: string) => {
    const page = `${baseUrl}${prefix}/confirm/${encodeURIComponent(token)}`;
    // The confirm form's action fields are the same for every token; only the token field differs.
    confirmFields ??= hiddenFields(await (await fetch(page)).text());
    const fields = confirmFields.map(([name, value]): [string, string] => [name, name === "token" ? token : value]);
    const { text, contentType } = multipart(fields);
    const response = await fetch(page, { method: "POST", redirect: "manual", headers: { "content-type": contentType, origin: baseUrl }, body: text });
    await response.arrayBuffer();
    if (response.status === 303 && response.headers.get("location")?.includes("result=confirmed")) stats.confirmed += 1;
    else fail(`confirm http-${response.status}`);
  };

  let polling = false;
  const mailTimer = setInterval(() => {
    if (polling) return;
    polling = true;
    track(
      (async () => {
        for (const name of await listMail(outbox)) {
          if (seen.has(name)) continue;
          seen.add(name);
          const token = await confirmTokenFor(path.join(outbox, name), tag);
          if (token) track(confirmOne(token).catch((error: Error) => fail(`confirm ${error.message}`)));
        }
      })()
        .catch((error: Error) => fail(`outbox ${error.message}`))
        .finally(() => (polling = false)),
    );
  }, 200);

  const snapshot = () => ({ ...stats, failures: new Map(stats.failures), seconds: (Date.now() - started) / 1000 });
  return {
    stats: snapshot,
    stop: async () => {
      running = false;
      clearInterval(signTimer);
      clearInterval(mailTimer);
      while (pending.size) await Promise.allSettled([...pending]);
      return snapshot();
    },
  };
}

function networkNumber(value: number): string {
  return `10.${(value >> 16) & 255}.${(value >> 8) & 255}.${value & 255}`;
}

async function listMail(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
}

/** The confirm token in a mail to one of this flow's signers; null for other mail. */
export async function confirmTokenFor(file: string, tag: string): Promise<string | null> {
  const raw = await readFile(file);
  // Cheap filter before parsing: the recipient header names the flow's tag.
  if (!raw.subarray(0, 2_000).toString("latin1").includes(`signer-${tag}-`)) return null;
  const mail = await simpleParser(raw);
  return /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1] ?? null;
}
