"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { requestLog } from "@/lib/log";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";
import { VotesError } from "@/lib/votes/errors";
import { checkVoteImport, CSV_MAX_BYTES, type ImportReport } from "@/lib/votes/import";
import { stageKeyTaken } from "@/lib/votes/queries";
import { VOTE_STAGE_FIELDS, voteStageSchema, type VoteStageField } from "@/lib/votes/schema";
import { importVoteStage } from "@/lib/votes/service";

export type ImportField = VoteStageField | "file";

export type ImportFormState = {
  fieldErrors: Partial<Record<ImportField, string>>;
  formError: string | null;
  /** What was typed, echoed back (the checkbox as "on" or absent). */
  values: Partial<Record<VoteStageField, string>>;
  /**
   * The checked file's text. It comes back with the next submission as part of the previous state
   * (React sends the state along, in a hidden field when JavaScript is off), so "Save" needs no new upload.
   */
  csv: string | null;
  fileName: string | null;
  report: ImportReport | null;
  attempt: number;
};

type CsvSource = { text: string; fileName: string | null } | { error: "fileMissing" | "fileTooLarge" | "fileNotText" };

/**
 * One action, two steps, chosen by the button pressed (intent "check" or "save"): "check" reports on
 * the file and saves nothing; "save" checks again and, only when nothing is wrong, saves the stage.
 */
export async function importVotesAction(campaignId: number, previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  // First, before parsing or reading the file: others are refused whatever they send (docs/decisions/008).
  const actor = await requireAdmin();
  const parsed = voteStageSchema.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : {});

  const t = await getTranslations("AdminVotes.errors");
  const source = await readCsv(formData, previous);
  const csv = "text" in source ? source : null;
  const state = (fields: Partial<ImportFormState>): ImportFormState => ({
    fieldErrors: {},
    formError: null,
    values: echo(formData),
    csv: csv?.text ?? null,
    fileName: csv?.fileName ?? null,
    report: null,
    attempt: (Number(previous?.attempt) || 0) + 1,
    ...fields,
  });

  const fieldErrors: ImportFormState["fieldErrors"] = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] as VoteStageField;
    fieldErrors[field] ??= t.has(issue.message as never) ? t(issue.message as never) : t("invalid");
  }
  if ("error" in source) fieldErrors.file = t(source.error, { max: CSV_MAX_BYTES / 1024 / 1024 });
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0) return state({ formError: t("campaignNotFound") });
  if (!parsed.success || !csv) return state({ fieldErrors, formError: t("fixBelow") });

  const report = checkVoteImport(parsed.data, csv.text);
  if (await stageKeyTaken(campaignId, parsed.data.key)) return state({ report, fieldErrors: { key: t("keyTaken") }, formError: t("fixBelow") });
  if (!report.ok) return state({ report, formError: t("fileHasProblems") });
  if (formData.get("intent") !== "save") return state({ report });

  try {
    await importVoteStage(actor, campaignId, parsed.data, csv.text);
  } catch (error) {
    if (error instanceof VotesError) return state({ report, formError: error.field ? t("fixBelow") : t(error.code), fieldErrors: error.field ? { [error.field]: t(error.code) } : {} });
    (await requestLog()).error("votes: import failed", { error });
    return state({ report, formError: t("generic") });
  }

  revalidatePath("/", "layout");
  redirect(await here(paths.adminCampaign(campaignId, "imported")));
}

function echo(formData: FormData): ImportFormState["values"] {
  const values: ImportFormState["values"] = {};
  for (const field of VOTE_STAGE_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 6_000);
  }
  return values;
}

/** The newly chosen file if there is one, else the text of the last check. */
async function readCsv(formData: FormData, previous: ImportFormState): Promise<CsvSource> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > CSV_MAX_BYTES) return { error: "fileTooLarge" };
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()), fileName: file.name.slice(0, 200) || null };
    } catch {
      return { error: "fileNotText" };
    }
  }
  // The previous state comes from the client like any input: checked again, and re-validated on save.
  const text: unknown = previous?.csv;
  const fileName: unknown = previous?.fileName;
  if (typeof text !== "string" || !text.trim()) return { error: "fileMissing" };
  if (Buffer.byteLength(text) > CSV_MAX_BYTES) return { error: "fileTooLarge" };
  return { text, fileName: typeof fileName === "string" ? fileName.slice(0, 200) || null : null };
}
