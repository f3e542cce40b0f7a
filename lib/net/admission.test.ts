import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { admissionLimits, BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, DEFAULT_ADMISSION, withAdmission } from "@/lib/net/admission";

// The front server's admission control over real HTTP: requests are held by a handler that answers
// only when the test lets it, so how many are inside at once is counted, not timed.

let server: Server | null = null;

type Held = { path: string; release: () => void };

/** A server whose handler keeps every request until released; `inside` is how many it holds now. */
async function holdingServer(limits: { concurrency: number; queue: number }) {
  const held: Held[] = [];
  let inside = 0;
  let most = 0;
  const arrived: Array<() => void> = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    inside += 1;
    most = Math.max(most, inside);
    held.push({
      path: req.url!,
      release: () => {
        inside -= 1;
        res.end(`done ${req.url}`);
      },
    });
    arrived.splice(0).forEach((wake) => wake());
  };
  server = createServer(withAdmission(handler, limits));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  /** Resolves once the handler holds `count` requests. */
  const holding = async (count: number) => {
    while (held.length < count) await new Promise<void>((resolve) => arrived.push(resolve));
  };
  return { base, held, holding, inside: () => inside, most: () => most };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

type Answer = { status: number; headers: IncomingMessage["headers"]; body: string };

function get(url: string, options: { signal?: AbortSignal } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A connection per request, as many readers would have.
    request(url, { agent: false, signal: options.signal }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    })
      .on("error", reject)
      .end();
  });
}

async function settle(): Promise<void> {
  // Lets sockets connect and the server see them; what is asserted after is a count, not a time.
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("withAdmission", () => {
  it("lets at most `concurrency` requests in at once; the others wait and are served in arrival order", async () => {
    const { base, held, holding, most } = await holdingServer({ concurrency: 2, queue: 10 });
    const answers = ["/a", "/b", "/c", "/d"].map((path) => get(base + path));
    await holding(2);
    await settle();
    expect(held.map((h) => h.path)).toEqual(["/a", "/b"]);
    held[0]!.release();
    await holding(3);
    expect(held[2]!.path).toBe("/c");
    held[1]!.release();
    await holding(4);
    expect(held[3]!.path).toBe("/d");
    held[2]!.release();
    held[3]!.release();
    const bodies = (await Promise.all(answers)).map((answer) => `${answer.status} ${answer.body}`);
    expect(bodies).toEqual(["200 done /a", "200 done /b", "200 done /c", "200 done /d"]);
    expect(most()).toBe(2);
  });

  it("turns away what the queue cannot hold with 503 and Retry-After, at once, without reaching the handler", async () => {
    const { base, held, holding } = await holdingServer({ concurrency: 1, queue: 1 });
    const first = get(`${base}/first`);
    await holding(1);
    const waiting = get(`${base}/waiting`);
    await settle();
    const refused = await get(`${base}/refused`);
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(refused.headers["cache-control"]).toBe("no-store");
    expect(refused.body).toBe(BUSY_MESSAGE);
    expect(held.map((h) => h.path)).toEqual(["/first"]);
    held[0]!.release();
    await holding(2);
    held[1]!.release();
    expect((await first).status).toBe(200);
    expect((await waiting).body).toBe("done /waiting");
    expect(held.map((h) => h.path)).toEqual(["/first", "/waiting"]);
  });

  it("skips a request whose client gave up while it waited, and frees the turn of one that ends early", async () => {
    const { base, held, holding } = await holdingServer({ concurrency: 1, queue: 5 });
    const first = get(`${base}/first`);
    await holding(1);
    const gaveUp = new AbortController();
    const abandoned = get(`${base}/abandoned`, { signal: gaveUp.signal }).catch((error: Error) => error.name);
    const later = get(`${base}/later`);
    await settle();
    gaveUp.abort();
    expect(await abandoned).toBe("AbortError");
    await settle();
    held[0]!.release();
    await holding(2);
    held[1]!.release();
    expect((await first).status).toBe(200);
    expect((await later).body).toBe("done /later");
    expect(held.map((h) => h.path)).toEqual(["/first", "/later"]);
  });

  it("lets the health check through while the rest wait", async () => {
    const { base, held, holding } = await holdingServer({ concurrency: 1, queue: 1 });
    const first = get(`${base}/first`);
    await holding(1);
    const health = get(`${base}/api/health`);
    await holding(2);
    expect(held.map((h) => h.path)).toEqual(["/first", "/api/health"]);
    held[1]!.release();
    expect((await health).status).toBe(200);
    held[0]!.release();
    await first;
  });
});

describe("admissionLimits", () => {
  it("reads SERVER_CONCURRENCY and SERVER_QUEUE, with defaults", () => {
    expect(admissionLimits({})).toEqual(DEFAULT_ADMISSION);
    expect(admissionLimits({ SERVER_CONCURRENCY: " 8 ", SERVER_QUEUE: "50" })).toEqual({ concurrency: 8, queue: 50 });
  });

  it("refuses a value that is not a positive whole number, naming the variable", () => {
    expect(() => admissionLimits({ SERVER_CONCURRENCY: "0" })).toThrow(/SERVER_CONCURRENCY must be a whole number/);
    expect(() => admissionLimits({ SERVER_QUEUE: "lots" })).toThrow(/SERVER_QUEUE must be a whole number.*"lots"/);
  });
});
