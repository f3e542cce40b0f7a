import { createTranslator } from "next-intl";
import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/domain-error";
import { runFormAction, type FormNamespace } from "@/lib/forms/action";
import { echoFields, initialFormState, type FormState } from "@/lib/forms/state";
import { redirectOf } from "@/lib/test/redirect";

// The one mutation path (lib/forms/action.ts), against a small catalog of its own: what each kind of
// failure returns, that nothing runs before the role check, that nothing unexpected leaks to the user,
// and that the redirect is not swallowed.

const messages = {
  Form: {
    done: "Saved {name}.",
    errors: { fixBelow: "Fix the fields below.", invalid: "Not valid.", required: "Required.", tooLong: "At most {max} characters.", taken: "Taken.", closed: "Closed.", unavailable: "Busy: nothing was saved, try again.", generic: "Something went wrong." },
  },
  Small: { errors: { wrong: "Wrong code.", generic: "Try again." } },
};
// The catalog's namespaces are typed (i18n/types.d.ts); these two exist only in this test's catalog.
const FORM = "Form" as unknown as FormNamespace;
const SMALL = "Small" as unknown as FormNamespace;
type Done = (key: string, values: Record<string, string>) => string;

vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
  getLocale: async () => "ur",
}));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));
const logged = vi.hoisted(() => [] as { level: string; msg: string; fields: unknown }[]);
vi.mock("@/lib/log", () => ({
  requestLog: async () => ({
    error: (msg: string, fields: unknown) => void logged.push({ level: "error", msg, fields }),
    warn: (msg: string, fields: unknown) => void logged.push({ level: "warn", msg, fields }),
  }),
}));

const schema = z.object({
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(5, { error: "tooLong" }),
  code: z.string().regex(/^\d+$/).optional(),
});
type State = FormState<"name" | "code", { report: string | null }>;
const initial: State = { ...initialFormState(), report: null };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

function action(run: (input: z.output<typeof schema>) => Promise<unknown>, options: { authorize?: () => Promise<string>; show?: "summary" } = {}) {
  return (previous: State, formData: FormData) =>
    runFormAction(previous, formData, {
      authorize: options.authorize ?? (async () => "admin"),
      messages: FORM,
      schema,
      show: options.show,
      echo: (data) => echoFields(data, ["name", "code"] as const, 8),
      arguments: { tooLong: { max: 5 } },
      extra: { report: null },
      failure: "test: saving failed",
      run: async (input, { t, keep }) => {
        keep({ report: `checked ${input.name}` });
        const result = await run(input);
        return typeof result === "object" && result !== null ? result : { notice: (t as unknown as Done)("done", { name: input.name }), revalidate: true };
      },
    });
}

beforeEach(() => {
  revalidated.length = 0;
  logged.length = 0;
});

describe("runFormAction", () => {
  it("checks the role before reading anything: a refused caller's form is never parsed or run", async () => {
    const run = vi.fn(async () => ({}));
    const read = vi.fn();
    const refused = runFormAction(initial, form({ name: "" }), {
      authorize: async () => {
        throw new Error("forbidden");
      },
      messages: FORM,
      schema,
      read,
      failure: "x",
      run,
    });
    await expect(refused).rejects.toThrow("forbidden");
    expect(read).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it("returns each problem beside its field, translated with its arguments, with what was typed, and runs nothing", async () => {
    const run = vi.fn(async () => undefined);
    const state = await action(run)({ ...initial, attempt: 4 }, form({ name: "far too long", code: "x1" }));
    expect(state).toEqual({
      formError: "Fix the fields below.",
      // The regex has zod's own message, which is not a key: "Not valid."
      fieldErrors: { name: "At most 5 characters.", code: "Not valid." },
      notice: null,
      values: { name: "far too ", code: "x1" },
      attempt: 5,
      report: null,
    });
    expect(run).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("shows the first problem as the form's message when the form has no field messages", async () => {
    const state = await action(async () => undefined, { show: "summary" })(initial, form({}));
    expect(state).toMatchObject({ formError: "Required.", fieldErrors: {} });
  });

  it("puts a DomainError's message beside its field, or as the form's message, keeping what run kept", async () => {
    const taken = await action(async () => {
      throw new DomainError("taken", "name");
    })(initial, form({ name: "Ann" }));
    expect(taken).toMatchObject({ formError: "Fix the fields below.", fieldErrors: { name: "Taken." }, values: { name: "Ann" }, report: "checked Ann", notice: null });
    const closed = await action(async () => {
      throw new DomainError("closed");
    })(initial, form({ name: "Ann" }));
    expect(closed).toMatchObject({ formError: "Closed.", fieldErrors: {} });
    expect(logged).toEqual([]);
  });

  it("logs anything unexpected and shows the generic message, never the error's text", async () => {
    const secret = new Error("connection to 10.0.0.7 refused for user advocate");
    const state = await action(async () => {
      throw secret;
    })(initial, form({ name: "Ann" }));
    expect(state.formError).toBe("Something went wrong.");
    expect(JSON.stringify(state)).not.toContain("10.0.0.7");
    // A DomainError whose code has no text here is unexpected too.
    const unknown = await action(async () => {
      throw new DomainError("noSuchKey");
    })(initial, form({ name: "Ann" }));
    expect(unknown.formError).toBe("Something went wrong.");
    expect(logged.map((entry) => `${entry.level} ${entry.msg}`)).toEqual(["error test: saving failed", "error test: saving failed"]);
    expect(logged[0]!.fields).toEqual({ error: secret });
  });

  it("says the database is busy, and that nothing was saved, when no connection was free in time", async () => {
    // What Prisma throws when an interactive transaction cannot start within its wait (a rush).
    const busy = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    const state = await action(async () => {
      throw busy;
    })(initial, form({ name: "Ann" }));
    expect(state).toMatchObject({ formError: "Busy: nothing was saved, try again.", values: { name: "Ann" } });
    expect(logged.map((entry) => entry.level)).toEqual(["warn"]);
  });

  it("after a success: revalidates, says what happened, empties the form and counts the attempt", async () => {
    const state = await action(async () => undefined)({ ...initial, attempt: 1 }, form({ name: " Ann " }));
    expect(state).toEqual({ formError: null, fieldErrors: {}, notice: "Saved Ann.", values: {}, attempt: 2, report: "checked Ann" });
    expect(revalidated).toEqual(["/"]);
  });

  it("redirects in the request's language, outside the catch; a redirect thrown inside run is not swallowed", async () => {
    expect(await redirectOf(action(async () => ({ redirect: "/admin/x" }))(initial, form({ name: "Ann" })))).toBe("/ur/admin/x");
    expect(
      await redirectOf(
        action(async () => {
          redirect("/elsewhere");
        })(initial, form({ name: "Ann" })),
      ),
    ).toBe("/elsewhere");
    expect(logged).toEqual([]);
  });

  it("reads a missing or forged previous state and a non-form argument as empty ones", async () => {
    const state = await action(async () => undefined)({ attempt: "x" } as unknown as State, "not a form" as unknown as FormData);
    expect(state).toMatchObject({ formError: "Fix the fields below.", fieldErrors: { name: "Required." }, attempt: 1 });
  });

  it("falls back to the namespace's generic message where it has no 'invalid'", async () => {
    const state = await runFormAction(initialFormState(), form({ code: "x" }), {
      authorize: async () => null,
      messages: SMALL,
      schema: z.object({ code: z.string().regex(/^\d+$/) }),
      show: "summary",
      failure: "x",
      run: async () => ({}),
    });
    expect(state.formError).toBe("Try again.");
  });
});
