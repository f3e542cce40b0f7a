// The cheapest answer this server can give: no database, no rendering. The benchmark (bench/) uses it
// as the baseline for what one Next.js process serves per second on this machine.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
