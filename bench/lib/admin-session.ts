// Signing in as staff through next-auth's credentials endpoints, as the login form's script does:
// the CSRF token first, then the credentials; the answer sets the session cookie.

/** A Cookie header built from Set-Cookie answers (the cookie names depend on http/https, so all are kept). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const at = pair.indexOf("=");
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(fragment: string): boolean {
    return [...this.cookies.keys()].some((name) => name.includes(fragment));
  }
}

/** Returns the Cookie header of a signed-in staff session; throws when sign-in fails. */
export async function signIn(baseUrl: string, prefix: string, email: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // Origin as the browser sends it: the app refuses state-changing requests from other sites.
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: baseUrl, "x-forwarded-for": "127.0.0.1" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}${prefix}/admin`, json: "true" }),
  });
  jar.take(response);
  await response.arrayBuffer();
  if (!jar.has("session-token")) throw new Error(`staff sign-in failed (HTTP ${response.status}, no session cookie)`);
  // The session must open an admin page, not redirect to the login page.
  const check = await fetch(`${baseUrl}${prefix}/admin/signatures`, { headers: { cookie: jar.header() }, redirect: "manual" });
  await check.arrayBuffer();
  if (check.status !== 200) throw new Error(`the staff session does not open /admin/signatures (HTTP ${check.status})`);
  return jar.header();
}
