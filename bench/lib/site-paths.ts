// Where the pages are: since decision 017 every page lives under its language (/en/c/…, /ur/…) and a
// path without one redirects; before that there was no prefix. The benchmark asks the server once.

/** A campaign page's path under the prefix. */
export function campaignPath(prefix: string, slug: string): string {
  return `${prefix}/c/${encodeURIComponent(slug)}`;
}

/** "/en" (or whatever language the server chooses for an English reader), or "" without prefixes. */
export async function pagePrefix(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/privacy`, { redirect: "manual", headers: { "accept-language": "en" } });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location) {
    const prefix = /^(\/[^/]+)\/privacy$/.exec(new URL(location, baseUrl).pathname)?.[1];
    if (prefix) return prefix;
    throw new Error(`/privacy redirects to ${location}: cannot tell where the pages are`);
  }
  if (response.status !== 200) throw new Error(`/privacy answered ${response.status}`);
  return "";
}
