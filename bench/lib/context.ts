// What every scenario gets: the environment, the running app, the options, a database pool for
// setting up and checking, and where to put its figures.
import pg from "pg";
import type { AppServer } from "./app-server";
import { signIn } from "./admin-session";
import type { BenchEnvironment } from "./environment";
import type { Figure, Note } from "./report";

export type Options = { seconds: number; scale: number; only: string[] | null; build: boolean };

export type Context = {
  environment: BenchEnvironment;
  app: AppServer;
  /** Where the pages are: "/en" since pages live under their language, "" before (site-paths.ts). */
  prefix: string;
  options: Options;
  db: pg.Pool;
  log: (line: string) => void;
  figure: (figure: Figure) => void;
  note: (scenario: string, text: string) => void;
  /** The Cookie header of a signed-in admin (signs in once). */
  staffCookie: () => Promise<string>;
  /** State one scenario prepares for another (e.g. the million-row campaign). */
  shared: Map<string, unknown>;
};

export function createContext(environment: BenchEnvironment, app: AppServer, prefix: string, options: Options, db: pg.Pool, sink: { figures: Figure[]; notes: Note[] }): Context {
  let cookie: Promise<string> | undefined;
  return {
    environment,
    app,
    prefix,
    options,
    db,
    log: (line) => console.log(`  ${line}`),
    figure: (figure) => {
      sink.figures.push(figure);
      const goal = figure.goal ? ` (goal ${figure.goal.text}: ${figure.goal.met ? "met" : "NOT met"})` : "";
      const base = figure.baseline ? ` vs ${figure.baseline.value.toFixed(2)} ${figure.unit} ${figure.baseline.label}` : "";
      console.log(`  → ${figure.measure}: ${figure.value.toFixed(2)} ${figure.unit}${base}${goal}`);
    },
    note: (scenario, text) => {
      sink.notes.push({ scenario, text });
      console.log(`  note: ${text}`);
    },
    staffCookie: () => (cookie ??= signIn(app.url, prefix, environment.admin.email, environment.admin.password)),
    shared: new Map(),
  };
}
