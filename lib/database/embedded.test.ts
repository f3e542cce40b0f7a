import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseError, startEmbeddedPostgres } from "@/lib/database/embedded";

const dirs: string[] = [];

/** A fresh directory under the temp dir that the `postgres` user can enter. */
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "advocate-embedded-"));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(() => {
  for (const dir of dirs) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("startEmbeddedPostgres", () => {
  it("keeps the data across a stop and a start", async () => {
    const dataDir = tempDir();
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      expect(first.url).toMatch(new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${first.port}/advocate$`));
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    } finally {
      await first.stop();
    }
    // A clean shutdown removes the lock file; the password stays private.
    expect(existsSync(path.join(dataDir, "postgres/postmaster.pid"))).toBe(false);
    expect(statSync(path.join(dataDir, "postgres-password")).mode & 0o777).toBe(0o600);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(second.url.split("@")[0]).toBe(first.url.split("@")[0]); // same password
      expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    } finally {
      await second.stop();
    }
    await expect(query(second.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
  });

  it.skipIf(process.getuid?.() !== 0)("explains a data directory the postgres user cannot reach", async () => {
    const parent = tempDir();
    chmodSync(parent, 0o700);
    const error = await startEmbeddedPostgres({ dataDir: path.join(parent, "data") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    expect((error as EmbeddedDatabaseError).step).toBe("data-dir");
    expect((error as EmbeddedDatabaseError).message).toContain(parent);
    expect((error as EmbeddedDatabaseError).hint).toMatch(/DATA_DIR/);
    expect(existsSync(path.join(parent, "data/postgres"))).toBe(false);
  });

  it("says so when the requested port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const error = await startEmbeddedPostgres({ dataDir: tempDir(), port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedDatabaseError);
      expect((error as EmbeddedDatabaseError).step).toBe("port");
      expect((error as EmbeddedDatabaseError).message).toContain(String(port));
    } finally {
      blocker.close();
    }
  });
});
