import type { Pool, QueryConfig, QueryResult, QueryResultRow } from "pg";

/**
 * The pool as a store client whose queries are always unnamed. rate-limiter-flexible names its
 * statements ("ratelimit:rlflx-upsert"), and node-postgres then prepares each name once per
 * connection and afterwards sends only its name. Behind PgBouncer in transaction pooling (1.18, as
 * Debian 12 ships it, keeps no prepared statements across server connections) the next transaction
 * may run on another server connection: "prepared statement … does not exist" or "… already
 * exists" (a third of the attempts failed under 30 concurrent clients, docs/scaling.md). Unnamed
 * statements are parsed with every execution, which costs well under a millisecond here.
 */
export function unnamedStatements(pool: Pool): { query: <R extends QueryResultRow>(config: QueryConfig) => Promise<QueryResult<R>> } {
  return { query: <R extends QueryResultRow>(config: QueryConfig) => pool.query<R>({ text: config.text, values: config.values }) };
}
