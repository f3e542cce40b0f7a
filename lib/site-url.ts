// The public address of the site, for links that leave it (emails, share links). Set APP_URL in
// production; the default suits `npm start` on this machine.
export function siteUrl(): string {
  const configured = process.env.APP_URL?.trim();
  const base = configured || `http://localhost:${process.env.PORT ?? 3000}`;
  return base.replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
