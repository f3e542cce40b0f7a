import "server-only";
import { log } from "@/lib/log";

// Throwaway-address services, from the disposable-email-domains package (about 120,000 domains):
// loaded on first use, once per process, into a Set. A subdomain of a listed domain counts too
// (the package's wildcard list is such parents).

let domains: Promise<Set<string>> | undefined;

function load(): Promise<Set<string>> {
  domains ??= Promise.all([import("disposable-email-domains/index.json"), import("disposable-email-domains/wildcard.json")])
    .then(([list, wildcard]) => new Set<string>([...list.default, ...wildcard.default].map((domain) => domain.toLowerCase())))
    .catch((error: unknown) => {
      domains = undefined; // try again next time
      throw error;
    });
  return domains;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).trim().toLowerCase().replace(/\.$/, "");
}

/** Whether the address is at a throwaway-address service. Never throws: a missing list checks nothing. */
export async function isDisposableEmail(email: string): Promise<boolean> {
  let list: Set<string>;
  try {
    list = await load();
  } catch (error) {
    log.error("petition: the disposable email list could not be loaded", { error });
    return false;
  }
  const labels = emailDomain(email).split(".");
  for (let start = 0; start < labels.length - 1; start++) {
    if (list.has(labels.slice(start).join("."))) return true;
  }
  return false;
}
