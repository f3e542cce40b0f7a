// Small helpers for CLI scripts that run as a sequence of named steps.

export class StepError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export type Step = <T>(title: string, run: () => Promise<T>) => Promise<T>;

/** Runs steps in order, printing each; a failing step is reported with what to do, then rethrown. */
export function stepper(total: number, print: (line: string) => void = (line) => console.log(line)) {
  let current = 0;
  let failed: { title: string; error: unknown } | undefined;
  const step: Step = async (title, run) => {
    current += 1;
    const started = Date.now();
    print(`[${current}/${total}] ${title}…`);
    try {
      const result = await run();
      print(`      done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return result;
    } catch (error) {
      failed = { title, error };
      throw error;
    }
  };
  /** Prints the failed step with what to do; false when no step failed. */
  const report = (): boolean => {
    if (!failed) return false;
    const { title, error } = failed;
    const message = error instanceof Error ? error.message : String(error);
    print(`\nFailed at step "${title}":\n  ${message.split("\n").join("\n  ")}`);
    const hint = error instanceof StepError ? error.hint : (error as { hint?: unknown })?.hint;
    if (typeof hint === "string") print(`What to do: ${hint}`);
    return true;
  };
  return { step, report };
}

/** A connection URL with its password hidden, for printing. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
