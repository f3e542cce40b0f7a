import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser } from "mailparser";
import { MAIL_DIR } from "./env";

export type ReceivedMail = { to: string; subject: string; text: string; html: string; headers: Record<string, string> };

/** The mails the test SMTP server received for an address (waits until at least `count` arrived). */
export async function mailsTo(address: string, count = 1): Promise<ReceivedMail[]> {
  let found: ReceivedMail[] = [];
  await expect
    .poll(
      async () => {
        const all = await Promise.all(readdirSync(MAIL_DIR).sort().map(async (file) => simpleParser(readFileSync(path.join(MAIL_DIR, file)))));
        found = all
          .filter((mail) => [mail.to].flat().some((to) => to?.text.includes(address)))
          .map((mail) => ({
            to: address,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            // The raw header lines ("List-Unsubscribe: <…>"), by lower-cased name.
            headers: Object.fromEntries(mail.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).trim()])),
          }));
        return found.length;
      },
      { timeout: 15_000, message: `mail to ${address}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

export function linkIn(mail: ReceivedMail, kind: "confirm" | "withdraw"): string {
  const match = mail.text.match(new RegExp(`https?://\\S+/${kind}/[\\w-]{43}`));
  if (!match) throw new Error(`no ${kind} link in:\n${mail.text}`);
  return match[0];
}
