// Signing the petition over HTTP exactly as the form does without JavaScript (no proof of work):
// GET the campaign page once for the form's server-action fields, then POST one multipart body per
// signature to the campaign page. Each signer has a unique email and a unique network address
// (X-Forwarded-For, the first hop of which the app trusts), so the per-network limits see ordinary
// traffic rather than one client. Through the deployment (nginx in front, bench/lib/deployment.ts) the
// network is the address a request leaves from instead: a loopback address per signer, which nginx
// writes into X-Forwarded-For itself, as it does for every reader on a real host.
import http from "node:http";
import { hiddenFields, multipart } from "./html-form";

const COUNTRIES = ["GBR", "PAK", "USA", "DEU", "FRA", "IND", "CAN", "NLD", "IRL", "AUS", "ESP", "ITA", "SWE", "NGA", "KEN", "BRA"];
const FIRST = ["Amina", "Ben", "Chloé", "Dawit", "Ewa", "Farah", "Gareth", "Hiroshi", "Imran", "Jo", "Kofi", "Lena", "Mariam", "Nasir", "Olu", "Priya"];
const LAST = ["Ahmed", "Brown", "Chaudhry", "Dubois", "Evans", "Fischer", "García", "Hussain", "Iqbal", "Jones", "Khan", "Lewis", "Malik", "Nowak", "Okafor", "Patel"];

export type SignForm = { action: string; fields: [string, string][] };

/** The form of the campaign page at `page` (a path, see site-paths.ts); it posts back to that page. */
export async function fetchSignForm(baseUrl: string, page: string): Promise<SignForm> {
  const response = await fetch(`${baseUrl}${page}`);
  if (!response.ok) throw new Error(`GET ${page} answered ${response.status}`);
  return { action: page, fields: hiddenFields(await response.text(), /class="sign-form"/) };
}

/** A distinct IPv4 address per signer number (10.0.0.0/8 holds 16 million). */
export function networkFor(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type Signer = { email: string; fullName: string; country: string; network: string };

/** `run` keeps runs against one database apart (emails are unique per campaign). */
export function signer(run: string, n: number): Signer {
  return {
    email: `signer-${run}-${n}@bench.example.org`,
    fullName: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`,
    country: COUNTRIES[n % COUNTRIES.length]!,
    network: networkFor(n),
  };
}

/** The request a browser sends when the form is submitted; `origin` as a browser sets it. */
export function signRequest(form: SignForm, who: Signer, origin: string): { path: string; headers: Record<string, string>; body: Buffer; text: string } {
  const { body, text, contentType } = multipart([
    ...form.fields,
    ["fullName", who.fullName],
    ["email", who.email],
    ["country", who.country],
    ["comment", ""],
    ["showName", "on"],
    ["website", ""],
  ]);
  return {
    path: form.action,
    headers: { "content-type": contentType, origin, "x-forwarded-for": who.network, accept: "text/html" },
    body,
    text,
  };
}

export type SignResult = "signed" | "other-redirect" | `http-${number}`;

/**
 * What a response to the signing POST means: 303 to the thanks page is an attempt taken (the same
 * answer whether the address was new or not: docs/decisions/021).
 */
export function classify(status: number, location: string | undefined): SignResult {
  if (status === 303 && location?.includes("/thanks")) return "signed";
  if (status >= 300 && status < 400) return "other-redirect";
  return `http-${status}`;
}

/** A header from autocannon's raw (case-preserving) header object, by any case. */
export function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * How a signer's network reaches the app: "header", as the X-Forwarded-For entry a proxy would have
 * written (the bench plays the proxy, talking to the app directly); "source", as the address the
 * request leaves from (a real proxy in front writes the header).
 */
export type NetworkVia = "header" | "source";

/**
 * The loopback address that stands for IPv4 network "a.b.c.d": 127.b.c.d (Linux answers on all of
 * 127.0.0.0/8), with b = 0 taken as 100 so that no signer is 127.0.0.1, the proxies' own address.
 */
export function loopbackFor(network: string): string {
  const [, b = "0", c = "0", d = "0"] = network.trim().split(".");
  return `127.${Number(b) || 100}.${c}.${d}`;
}

/**
 * Signs once (no redirect following); for single signatures and checks, not for load. With `via:
 * "source"`, the request leaves from the loopback address of the last entry of `who.network`, and
 * any entries before it are sent as an X-Forwarded-For the client wrote itself (a forgery the proxy
 * must not let through).
 */
export async function signOnce(baseUrl: string, form: SignForm, who: Signer, via: NetworkVia = "header"): Promise<SignResult> {
  const request = signRequest(form, who, baseUrl);
  if (via === "source") {
    const entries = who.network.split(",").map((entry) => entry.trim());
    const headers = { ...request.headers };
    delete headers["x-forwarded-for"];
    if (entries.length > 1) headers["x-forwarded-for"] = entries.slice(0, -1).join(", ");
    const answer = await postFrom(loopbackFor(entries[entries.length - 1]!), `${baseUrl}${request.path}`, headers, request.body);
    return classify(answer.status, answer.location);
  }
  const response = await fetch(`${baseUrl}${request.path}`, { method: "POST", headers: request.headers, body: request.text, redirect: "manual" });
  await response.arrayBuffer();
  return classify(response.status, response.headers.get("location") ?? undefined);
}

/** A POST on a new connection from `localAddress`; the status and Location of the answer. */
function postFrom(localAddress: string, url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { ...headers, "content-length": String(body.length) }, localAddress, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}
