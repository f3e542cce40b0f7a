// Next's server sets this global before any of its modules load (its node environment); a test that
// runs Next's own request machinery must do the same, by importing this module first.
import { AsyncLocalStorage } from "node:async_hooks";

(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
