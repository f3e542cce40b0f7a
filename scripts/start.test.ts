import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// `npm start` must say which step failed and what to do, exit non-zero, and leave nothing running.

function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

function listen(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "0.0.0.0", () => {
      resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port }));
    });
  });
}

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "advocate-start-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("npm start", () => {
  it("refuses a port that is taken, before touching the database", async () => {
    const server = await listen();
    cleanup.push(() => server.close());
    const dataDir = path.join(tempDir(), "data");
    const { code, output } = await runStart({ PORT: String(server.port), DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(`Failed at step "Checking that port ${server.port} is free"`);
    expect(output).toContain(`Port ${server.port} is already in use`);
    expect(output).toContain(`What to do: Stop the program using it, or choose another port`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("with DATABASE_URL uses that database, starts no embedded one, and says when it does not answer", async () => {
    const closed = await listen();
    const deadPort = closed.port;
    await new Promise((resolve) => closed.close(resolve));
    const dataDir = path.join(tempDir(), "data");
    const free = await listen();
    const port = free.port;
    await new Promise((resolve) => free.close(resolve));
    const { code, output } = await runStart({
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `postgresql://someone:secret@127.0.0.1:${deadPort}/advocate`,
    });
    expect(code).toBe(1);
    expect(output).toContain("no embedded PostgreSQL is started");
    expect(output).toContain(`Failed at step "Checking that the database answers"`);
    expect(output).toContain("What to do: Check that PostgreSQL is running and that DATABASE_URL");
    expect(output).not.toContain("secret");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("says when the data directory cannot be used", async () => {
    const file = path.join(tempDir(), "not-a-directory");
    writeFileSync(file, "");
    const free = await listen();
    const port = free.port;
    await new Promise((resolve) => free.close(resolve));
    const { code, output } = await runStart({ PORT: String(port), DATA_DIR: file });
    expect(code).toBe(1);
    expect(output).toContain(`Failed at step "Starting the embedded PostgreSQL`);
    expect(output).toMatch(/What to do: /);
  });
});
