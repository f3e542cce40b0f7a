import { request } from "node:http";
import { appPort, baseURL } from "./env";

// Requests from another network as the app sees it: Linux routes all of 127.0.0.0/8 to the loopback
// interface, so a connection bound to 127.0.0.2 reaches the app with 127.0.0.2 as its TCP peer, the
// address the app counts at the default TRUSTED_PROXY_HOPS=0. (A browser cannot choose its address.)

export type Answer = { status: number; location: string | null; body: string; cookies: string[] };

/** A form POST (urlencoded) to `path` from `localAddress`, with extra headers; does not follow redirects. */
export function postFrom(localAddress: string, path: string, headers: Record<string, string> = {}, form: Record<string, string> = { fullName: "x" }): Promise<Answer> {
  return send(localAddress, path, new URLSearchParams(form).toString(), { "Content-Type": "application/x-www-form-urlencoded", ...headers });
}

/** A POST of `body` to `path` from `localAddress`; does not follow redirects. */
export function send(localAddress: string, path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: appPort,
        localAddress,
        method: "POST",
        path,
        headers: { Origin: baseURL, "Content-Length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: text, cookies: (res.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A GET from `localAddress`: status, body and the cookies it set (name=value). */
export function getFrom(localAddress: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port: appPort, localAddress, method: "GET", path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: text, cookies: (res.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

/** One staff sign-in attempt through next-auth from `localAddress`, as a browser with no cookies of ours. */
export async function signInFrom(localAddress: string, email: string, password: string): Promise<Answer> {
  const csrf = await getFrom(localAddress, "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return postFrom(localAddress, "/api/auth/callback/credentials", { Cookie: csrf.cookies.join("; ") }, { csrfToken, email, password, json: "true" });
}
