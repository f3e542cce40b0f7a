// Which secrets a production deployment must be given, and what counts as unusable. Checked by
// `npm start` (scripts/start.ts) before anything starts, and by instrumentation.ts when `next start`
// is run directly; lib/secrets.ts refuses to generate one in production. See docs/decisions/014.
// No server-only import: the start script (plain tsx) uses it too.

type Env = Record<string, string | undefined>;

export const MIN_SECRET_LENGTH = 32;
export const HOW_TO_MAKE_ONE = "openssl rand -base64 32";

/** The secrets the app signs or keys things with. Locally each is generated into DATA_DIR when unset. */
export const REQUIRED_SECRETS = [
  { name: "NEXTAUTH_SECRET", purpose: "signs staff sessions" },
  { name: "CLIENT_HASH_KEY", purpose: "keys the hashes under which signers' network addresses are stored (the same value on every instance)" },
  { name: "ALTCHA_HMAC_KEY", purpose: "signs the signing form's proof-of-work challenges (the same value on every instance)" },
  { name: "TOTP_ENCRYPTION_KEY", purpose: "encrypts staff members' two-factor keys at rest (the same value on every instance; with another key, accounts with two-factor sign-in on cannot sign in until an admin resets them)" },
] as const;

// Values copied from examples and tutorials, compared lower-cased without punctuation.
const PLACEHOLDERS = new Set([
  "changeme", "changethis", "changeit", "replaceme", "secret", "secretkey", "supersecret", "mysecret", "yoursecret", "yoursecrethere",
  "password", "default", "example", "test", "testing", "development", "dev", "production", "nextauthsecret", "placeholder", "todo",
  "xxx", "none", "null", "undefined", "admin", "letmein", "qwerty", "123456", "12345678", "1234567890",
]);
const PLACEHOLDER_PATTERN = /^(change|replace)(it|me|this)|^your(own)?(secret|key|value)|^(insert|put|add)(your|a)/;
// Database passwords that must not guard a production database.
const WEAK_DATABASE_PASSWORDS = new Set(["postgres", "password", "changeme", "secret", "admin", "root", "advocate", "test", "example"]);

/** True for a real deployment: APP_ENV=production on a production build (`next start`). */
export function isProductionDeployment(env: Env = process.env): boolean {
  return env.APP_ENV?.trim() === "production" && env.NODE_ENV === "production";
}

/** Why `value` cannot be a production secret, or null when it can. */
export function weakSecretReason(value: string | undefined): string | null {
  const secret = value?.trim() ?? "";
  if (!secret) return "is not set";
  const normalised = secret.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (PLACEHOLDERS.has(normalised) || PLACEHOLDER_PATTERN.test(normalised)) return "is a well-known placeholder value";
  if (secret.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`;
  if (new Set(secret).size < 10) return "repeats too few different characters to be random";
  return null;
}

function databasePasswordProblem(url: string | undefined): string | null {
  if (!url) return null; // the embedded PostgreSQL generates its own password
  let password: string;
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return null; // lib/env.ts reports a malformed URL
  }
  if (password && WEAK_DATABASE_PASSWORDS.has(password.toLowerCase())) {
    return "- DATABASE_URL: its password is a well-known default. Give the database user a strong password (openssl rand -base64 32) and put it in the URL, percent-encoded.";
  }
  return null;
}

/**
 * The site's public address must be https in production: HSTS (lib/security/headers.ts) and the
 * Secure, `__Host-`/`__Secure-` staff cookies (lib/auth/cookies.ts) follow from it, so an unset or
 * http APP_URL would quietly turn them off (and put http links in every mail).
 */
function appUrlProblem(value: string | undefined): string | null {
  const url = value?.trim();
  const what = "It is the site's public address (links in mail and shares, the origin check), and on https the site sends HSTS and marks staff cookies Secure and __Host-";
  if (!url) return `- APP_URL is not set. ${what}. Set it to the address people use, e.g. https://act.example.org.`;
  if (!url.startsWith("https://")) return `- APP_URL (${url}) is not an https:// address. ${what}. Serve the site over TLS (a proxy in front is fine) and set APP_URL to its https:// address.`;
  return null;
}

/** One line per unusable secret or setting; empty when everything is fine or this is not a production deployment. */
export function productionSecretProblems(env: Env = process.env): string[] {
  if (!isProductionDeployment(env)) return [];
  const problems: string[] = [];
  for (const { name, purpose } of REQUIRED_SECRETS) {
    const reason = weakSecretReason(env[name]);
    if (reason) problems.push(`- ${name} ${reason}. It ${purpose}. Make one with \`${HOW_TO_MAKE_ONE}\` and set it in the environment.`);
  }
  const database = databasePasswordProblem(env.DATABASE_URL);
  if (database) problems.push(database);
  const appUrl = appUrlProblem(env.APP_URL);
  if (appUrl) problems.push(appUrl);
  return problems;
}

/** What to do about production secrets, said after the list of problems. */
export const PRODUCTION_SECRETS_ADVICE =
  "In production every secret must be set explicitly (none is generated into DATA_DIR): keep them in your secret store, " +
  "set the same values on every instance, and never reuse an example value. See docs/decisions/014.";

export class ProductionSecretsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Refusing to start with APP_ENV=production: ${problems.length === 1 ? "a secret or setting is" : "secrets or settings are"} missing or unsafe.\n${problems.join("\n")}\n${PRODUCTION_SECRETS_ADVICE}`,
    );
    this.name = "ProductionSecretsError";
  }
}
