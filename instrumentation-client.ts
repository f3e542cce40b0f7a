import { config } from "zod/v4/core";

// Runs in the browser before the app's own code. The Content-Security-Policy forbids eval
// (lib/security/headers.ts); zod would probe for it with `new Function("")` when its first object
// schema is built, and browsers report that caught attempt as a CSP violation. Jitless, it does not try.
config({ jitless: true });
