// The app's HTTP server: Next's request handler behind a thin front that writes the client's address
// from the socket (lib/net/front-server.ts), the one thing Next's own server cannot tell route code;
// that has the last word on caching and seals cacheable pages' scripts (lib/net/cacheable-response.ts);
// and that compresses (Next's own compression is off: it would compress before the sealing).
// `npm start` runs it (scripts/start.ts); so do the fault test and the benchmarks. Same flags as
// `next start`: --port, --hostname; `--dev` for development.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import compression from "compression";
import { admissionLimits, withAdmission } from "../lib/net/admission";
import { setRenderMarker } from "../lib/net/cacheable-pages";
import { withCacheableResponses } from "../lib/net/cacheable-response";
import { markFrontServer, trustedProxies, trustedProxyHops } from "../lib/net/client-address";
import { withClientAddress } from "../lib/net/front-server";
import { newRenderMarker } from "../lib/security/sealed-html";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const dev = process.argv.includes("--dev");
const port = Number(option("port", process.env.PORT ?? "3000"));
const hostname = option("hostname", process.env.HOST ?? "0.0.0.0");

async function main() {
  // A bad value stops the server here, saying what is wrong.
  const hops = trustedProxyHops();
  const proxies = trustedProxies();
  const admission = admissionLimits();
  markFrontServer();
  const marker = newRenderMarker();
  setRenderMarker(marker);
  // As `next start` does; before Next is loaded, which reads it.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const sealed = withCacheableResponses((req, res) => handle(req, res), marker);
  // compression's types are Express's; it needs only Node's request and response.
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const serve = withAdmission((req, res) => compress(req, res, () => void sealed(req, res)), admission);
  const server = createServer(withClientAddress(serve, hops, proxies));
  // As `next start`: keep-alive longer than a load balancer's usual 60 s idle timeout.
  server.keepAliveTimeout = 65_000;
  server.on("error", (error) => {
    console.error(`The web server could not start: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    console.log(`Serving on http://${hostname}:${port} (client address: ${hops === 0 ? "the TCP peer" : `X-Forwarded-For entry ${hops} from the right`}; at most ${admission.concurrency} requests at once, ${admission.queue} waiting)`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
