// Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg. The Prisma CLI would
// download a native engine, which cannot work offline; this is the same engine code, so the migrations
// folder and the `_prisma_migrations` table stay those of `prisma migrate deploy`.
// See docs/decisions/001-migrations-with-wasm-schema-engine.md.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

export type SchemaEngine = bindings.SchemaEngine;

declare global {
  // Read by the wasm-bindgen glue when the engine panics; without it the panic message is lost.
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let lastPanic: string | undefined;
let loaded = false;
let activeRuns = 0;
const pendingTimers = new Set<NodeJS.Timeout>();

/**
 * Compiles and starts the engine once per process. Node 20 cannot import the package's ESM entry (it
 * imports a .wasm file), so instantiate the module by hand against the package's JS glue.
 */
function loadWasm(): void {
  if (loaded) return;
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const glue: Record<string, unknown> = { ...bindings };
  // The engine arms timers (e.g. the 10 s advisory-lock timeout) and never clears them, which keeps
  // Node alive for 10 s after a command. Track them and clear what is left once no command runs.
  const setTimeoutName = Object.keys(glue).find((name) => name.startsWith("__wbg_setTimeout_"));
  if (setTimeoutName) {
    glue[setTimeoutName] = (callback: () => void, ms: number) => {
      const timer: NodeJS.Timeout = setTimeout(() => {
        pendingTimers.delete(timer);
        callback();
      }, ms >>> 0);
      pendingTimers.add(timer);
      return timer;
    };
  }
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": glue as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

export interface EngineOptions {
  databaseUrl: string;
  schemaPath: string;
  /** Receives the engine's own log lines (JSON); discarded by default. */
  log?: (line: string) => void;
}

/**
 * Runs `work` with a fresh engine over `databaseUrl`, then frees the engine, disposes every connection
 * the engine opened (dropping shadow databases) and clears the engine's leftover timers.
 */
export async function withSchemaEngine<T>(options: EngineOptions, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  loadWasm();
  activeRuns++;
  const adapters = new AdapterSet(options.databaseUrl);
  const bound = bindMigrationAwareSqlAdapterFactory(adapters.factory);
  let engine: SchemaEngine | undefined;
  try {
    lastPanic = undefined;
    const datamodels: [string, string][] = [[options.schemaPath, readFileSync(options.schemaPath, "utf8")]];
    engine = await bindings.SchemaEngine.new({ datamodels }, options.log ?? (() => undefined), bound);
    return await work(engine);
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await adapters.disposeAll();
    if (--activeRuns === 0) {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
    }
  }
}

/**
 * Engine errors carry a message with a Rust span trace ("0: schema_engine_wasm::..."); errors thrown by
 * our own JS (e.g. creating the shadow database) come back as "External error id#N", kept in the registry.
 */
function engineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): Error {
  if (error instanceof WebAssembly.RuntimeError) {
    return new Error(`Prisma's schema engine crashed: ${lastPanic ?? error.message}`, { cause: error });
  }
  const message = (error as Error | undefined)?.message ?? String(error);
  const head = (message.split(/\n\s*0: /)[0] ?? message).trim();
  const id = /External error id#(\d+)/.exec(head)?.[1];
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (original instanceof Error) {
    const context = head.split("\n")[0]?.replace(/External error id#\d+/, "").trim();
    return new Error(context ? `${context}: ${original.message}` : original.message, { cause: original });
  }
  return new Error(head, { cause: error });
}

// ---------------------------------------------------------------------------------------------------
// The adapter factory handed to the engine.

class AdapterSet {
  private readonly config: pg.PoolConfig;
  private readonly open = new Set<SqlDriverAdapter>();
  readonly factory: SqlMigrationAwareDriverAdapterFactory;

  constructor(databaseUrl: string) {
    // Discrete fields, not a connection string: node-postgres lets a connection string override
    // `database`, which would point the "shadow database" at the main one.
    this.config = { ...(parseIntoClientConfig(databaseUrl) as pg.PoolConfig), max: 4 };
    const base = new PrismaPg(this.config);
    this.factory = {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: () => this.connect(this.config),
      connectToShadowDb: () => this.connectToShadowDb(),
    };
  }

  private async connect(config: pg.PoolConfig, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const adapter = await new PrismaPg(config).connect();
    const dispose = adapter.dispose.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    const onError = (adapter as unknown as { onError?: (error: unknown) => never }).onError?.bind(adapter);
    if (!onError) throw new Error("@prisma/adapter-pg internals changed (no onError): update lib/database/schema-engine.ts.");
    let disposed: Promise<void> | undefined;
    Object.assign(adapter, {
      // The engine sends a migration as one script: run it as one simple-protocol query, as the native
      // engine does (one implicit transaction), instead of adapter-pg's split on every ";".
      executeScript: async (script: string) => {
        try {
          await adapter.underlyingDriver().query(script);
        } catch (error) {
          onError(error);
        }
      },
      dispose: () => {
        disposed ??= (async () => {
          this.open.delete(adapter);
          await dispose();
          await onDispose?.();
        })();
        return disposed;
      },
      startTransaction: async (...args: Parameters<typeof adapter.startTransaction>) => {
        const tx = await startTransaction(...args);
        patchQueryable(tx);
        return tx;
      },
    });
    this.open.add(adapter);
    patchQueryable(adapter);
    await assertCharPatchWorks(adapter);
    return adapter;
  }

  /**
   * adapter-pg's own version drops the shadow database before closing its pool ("is being accessed by
   * other users") and leaks it: create it, and on dispose close the pool, then drop it WITH (FORCE).
   */
  private async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    try {
      await this.admin(`CREATE DATABASE "${database}"`);
    } catch (error) {
      throw new Error(
        `cannot create a temporary shadow database (${(error as Error).message}). Creating a migration or checking drift replays the migrations in one: use a role that may CREATE DATABASE.`,
        { cause: error },
      );
    }
    try {
      return await this.connect({ ...this.config, database }, () => this.admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    } catch (error) {
      await this.admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
      throw error;
    }
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(this.config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async disposeAll(): Promise<void> {
    await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
  }
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL's internal `"char"` type (OID 18), which the engine's schema describer reads from the
// catalogs: adapter-pg 7.10 rejects it ("Column type 'char' could not be deserialized"). Read it as text
// and report it as a Character column. This reaches into adapter-pg's internals (its queryable's
// `performIO` and `queryRaw`), so check them and fail loudly if an upgrade changed them.

type Queryable = { performIO?: (query: SqlQuery) => Promise<pg.QueryArrayResult>; queryRaw?: (query: SqlQuery) => Promise<SqlResultSet> };
const OID_CHAR = 18;
const OID_TEXT = 25;
const charColumns = new WeakMap<SqlQuery, number[]>();
let charPatchVerified = false;

function patchQueryable(target: object): void {
  const q = target as Queryable;
  const { performIO, queryRaw } = q;
  if (typeof performIO !== "function" || typeof queryRaw !== "function") {
    throw new Error(
      "@prisma/adapter-pg internals changed (no performIO/queryRaw on its queryable): the \"char\" workaround in lib/database/schema-engine.ts must be updated.",
    );
  }
  q.performIO = async function (this: unknown, query: SqlQuery) {
    const result = await performIO.call(this, query);
    const columns: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === OID_CHAR) {
        field.dataTypeID = OID_TEXT;
        columns.push(i);
      }
    });
    if (columns.length) charColumns.set(query, columns);
    return result;
  };
  q.queryRaw = async function (this: unknown, query: SqlQuery) {
    const result = await queryRaw.call(this, query);
    const columns = charColumns.get(query);
    if (columns) {
      charColumns.delete(query);
      for (const i of columns) result.columnTypes[i] = ColumnTypeEnum.Character;
    }
    return result;
  };
}

async function assertCharPatchWorks(adapter: SqlDriverAdapter): Promise<void> {
  if (charPatchVerified) return;
  const result = await adapter.queryRaw({ sql: `SELECT 'r'::"char" AS c`, args: [], argTypes: [] }).catch(() => null);
  if (result?.columnTypes[0] !== ColumnTypeEnum.Character || result.rows[0]?.[0] !== "r") {
    throw new Error(
      "@prisma/adapter-pg internals changed: the \"char\" (OID 18) workaround in lib/database/schema-engine.ts no longer takes effect.",
    );
  }
  charPatchVerified = true;
}
