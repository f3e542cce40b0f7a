// Text made safe to put in HTML written by hand (emails, the country options' markup, the proxy's
// 503 page): in element content and in double- or single-quoted attribute values. No server-only
// import: the signing form's country select (a client component) uses it too.

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
