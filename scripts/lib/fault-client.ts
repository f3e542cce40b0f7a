// The fault test's client: signs the petition the way a browser without JavaScript does (a
// multipart POST of the form's fields, the server action's hidden fields included), and records what
// each attempt got back.

export type Attempt = {
  n: number;
  email: string;
  fullName: string;
  started: number;
  ended: number;
  status: number | "timeout" | "network-error";
  location: string | null;
  retryAfter: string | null;
  body: string;
};

export type SignForm = { hidden: [string, string][]; fields: string[] };

const REQUEST_TIMEOUT_MS = 15_000;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The signing form's hidden inputs (React's $ACTION_* fields among them) and field names, from the page. */
export function parseSignForm(html: string): SignForm {
  const start = html.search(/<form[^>]*class="[^"]*sign-form/);
  if (start === -1) throw new Error("The campaign page has no signing form (class sign-form).");
  const form = html.slice(start, html.indexOf("</form>", start));
  const hidden: [string, string][] = [];
  const fields: string[] = [];
  for (const [tag] of form.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const name = attribute(tag, "name");
    if (!name) continue;
    if (attribute(tag, "type") === "hidden") hidden.push([name, attribute(tag, "value") ?? ""]);
    else fields.push(name);
  }
  if (!hidden.some(([name]) => name.startsWith("$ACTION"))) throw new Error("The signing form carries no server action fields.");
  return { hidden, fields };
}

export type Signer = { n: number; email: string; fullName: string; address: string };

/** One no-JavaScript submission; never throws, never waits longer than REQUEST_TIMEOUT_MS. */
export async function submit(baseUrl: string, slug: string, form: SignForm, signer: Signer): Promise<Attempt> {
  const body = new FormData();
  for (const [name, value] of form.hidden) body.append(name, value);
  const values: Record<string, string> = { fullName: signer.fullName, email: signer.email, country: "PAK", comment: "", website: "" };
  for (const name of form.fields) if (name in values) body.append(name, values[name]!);
  const started = Date.now();
  const base = { n: signer.n, email: signer.email, fullName: signer.fullName, started };
  try {
    const response = await fetch(`${baseUrl}/en/c/${slug}`, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: {
        Origin: baseUrl,
        "Sec-Fetch-Site": "same-origin",
        Accept: "text/html",
        // The app runs with TRUSTED_PROXY_HOPS=1 (the test plays its proxy): one network per signer, so
        // the rate limits (a burst of 1 per minute per network) never decide the outcome here.
        "X-Forwarded-For": signer.address,
      },
    });
    const text = await response.text();
    return { ...base, ended: Date.now(), status: response.status, location: response.headers.get("location"), retryAfter: response.headers.get("retry-after"), body: text.slice(0, 20_000) };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { ...base, ended: Date.now(), status: timedOut ? "timeout" : "network-error", location: null, retryAfter: null, body: String((error as Error).message) };
  }
}

/** A GET that never throws: status (or what went wrong), time taken and the start of the body. */
export async function probe(url: string): Promise<{ url: string; started: number; ended: number; status: number | string; body: string; retryAfter: string | null }> {
  const started = Date.now();
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = (await response.text()).slice(0, 20_000);
    return { url, started, ended: Date.now(), status: response.status, body, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    return { url, started, ended: Date.now(), status: (error as Error).name, body: "", retryAfter: null };
  }
}

/** Markers of a leaked stack trace or internal error text in a response meant for people. */
export function leaksInternals(body: string): string | null {
  const markers = [/\n\s+at \S+ \(/, /node_modules\//, /PrismaClient\w*Error/, /ECONNREFUSED/, /\/work\/|\/home\/|\/root\//, /Invalid `[^`]+` invocation/];
  const found = markers.find((marker) => marker.test(body));
  return found ? String(found) : null;
}

/** Whether a signing attempt succeeded as the signer sees it: 303 to the campaign's thanks page. */
export function succeeded(attempt: Attempt, slug: string): boolean {
  return attempt.status === 303 && !!attempt.location && new URL(attempt.location, "http://x").pathname === `/en/c/${slug}/thanks`;
}
