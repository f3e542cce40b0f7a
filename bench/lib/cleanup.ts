// Everything the benchmark starts (database, servers, temporary directories) registers how to undo it
// here, so that a failure or Ctrl-C leaves nothing running and nothing behind.

type Undo = { label: string; run: () => Promise<void> | void };

const stack: Undo[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Registers an undo step; steps run in reverse order of registration. Returns a function that runs it early. */
export function onCleanup(label: string, run: () => Promise<void> | void): () => Promise<void> {
  const undo: Undo = { label, run };
  // Started while the cleanup is already under way (the run goes on for a moment after Ctrl-C): undo at once.
  if (cleaning) {
    const done = Promise.resolve().then(run).catch(() => undefined);
    return () => done;
  }
  stack.push(undo);
  return async () => {
    const index = stack.indexOf(undo);
    if (index === -1) return;
    stack.splice(index, 1);
    await undo.run();
  };
}

/** Runs every registered step once, newest first; a failing step is reported and the others still run. */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (stack.length) {
      const undo = stack.pop()!;
      try {
        await undo.run();
      } catch (error) {
        console.error(`cleanup: ${undo.label} failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}

/** Runs `main`, cleaning up after it whatever happens: failure, SIGINT/SIGTERM/SIGHUP, an uncaught error. */
export function runWithCleanup(main: () => Promise<number>): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (!interrupted) console.error(`\nReceived ${signal}: stopping and cleaning up…`);
      interrupted = true;
      void cleanUp().finally(() => process.exit(130));
    });
  }
  // An error outside the main chain (a stream or socket event) must not skip the cleanup either.
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (error: unknown) => {
      console.error(`\nFailed (${event}): ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      void cleanUp().finally(() => process.exit(1));
    });
  }
  main().then(
    async (code) => {
      await cleanUp();
      process.exit(code);
    },
    async (error: unknown) => {
      // After Ctrl-C, whatever was running fails as its servers go away: that is not news.
      if (!interrupted) console.error(`\nFailed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      await cleanUp();
      process.exit(interrupted ? 130 : 1);
    },
  );
}
