// `npm run admin:create -- --email you@example.org [--role ADMIN|MODERATOR] [--name "Your Name"]`
// Creates a staff account. The password is read from ADMIN_PASSWORD, or asked for (not echoed).
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { applyMigrations } from "../lib/database/migrations";
import { newAccountSchema } from "../lib/accounts/schema";
import { AccountExistsError, createAccountWithUrl } from "../lib/accounts/service";
import { withDatabase } from "./lib/with-database";

const USAGE = "Usage: npm run admin:create -- --email you@example.org [--role ADMIN|MODERATOR] [--name NAME]\n(password from ADMIN_PASSWORD, or typed when asked)";

const PROBLEMS: Record<string, string> = {
  emailInvalid: "the email address is not valid",
  roleInvalid: "the role must be ADMIN or MODERATOR",
  passwordTooShort: "the password must have at least 12 characters",
  passwordTooLong: "the password must have at most 1,000 characters",
  passwordCommon: "the password is on lists of common passwords that attackers try first",
  passwordWeak: "the password would be easy to guess (close to a common word, name, date, keyboard pattern or the email address): a few unrelated words make a good one",
};

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    output._writeToOutput = (text: string) => process.stdout.write(text.startsWith(question) ? question : "");
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string", default: "ADMIN" }, name: { type: "string" } } });
  if (!values.email) {
    console.error(USAGE);
    return 2;
  }
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error("No ADMIN_PASSWORD and no terminal to ask for it. Set ADMIN_PASSWORD.");
      return 2;
    }
    password = await askHidden("Password (at least 12 characters, not a common one): ");
    if ((await askHidden("Password again: ")) !== password) {
      console.error("The passwords differ. Nothing was created.");
      return 1;
    }
  }
  const parsed = newAccountSchema.safeParse({ email: values.email, role: values.role?.toUpperCase(), name: values.name, password });
  if (!parsed.success) {
    console.error(`Not created: ${parsed.error.issues.map((issue) => PROBLEMS[issue.message] ?? issue.message).join("; ")}.`);
    return 1;
  }
  return withDatabase(async (url) => {
    await applyMigrations(url);
    try {
      await createAccountWithUrl(url, parsed.data);
    } catch (error) {
      if (error instanceof AccountExistsError) {
        console.error(`${error.message} Nothing was changed.`);
        return 1;
      }
      throw error;
    }
    console.log(`Created ${parsed.data.role} account ${parsed.data.email}. Sign in at /admin/login.`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
