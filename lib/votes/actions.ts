"use server";

import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { DomainError } from "@/lib/domain-error";
import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";
import { paths } from "@/lib/paths";
import { checkVoteImport, CSV_MAX_BYTES, type ImportReport } from "@/lib/votes/import";
import { stageKeyTaken } from "@/lib/votes/queries";
import { VOTE_STAGE_FIELDS, voteStageSchema, type VoteStageField } from "@/lib/votes/schema";
import { importVoteStage } from "@/lib/votes/service";

export type ImportField = VoteStageField | "file";

export type ImportFormState = FormState<
  ImportField,
  {
    /**
     * The checked file's text. It comes back with the next submission as part of the previous state
     * (React sends the state along, in a hidden field when JavaScript is off), so "Save" needs no new upload.
     */
    csv: string | null;
    fileName: string | null;
    report: ImportReport | null;
  }
>;

type CsvText = { text: string; fileName: string | null };
type CsvSource = CsvText | { error: "fileMissing" | "fileTooLarge" | "fileNotText" };

// The stage's fields and the file, checked together so that one submission reports every problem.
const importSchema = voteStageSchema.extend({
  file: z.custom<CsvSource>().transform((source, context) => {
    if ("text" in source) return source;
    context.addIssue({ code: "custom", message: source.error });
    return z.NEVER;
  }),
});

/**
 * One action, two steps, chosen by the button pressed (intent "check" or "save"): "check" reports on
 * the file and saves nothing; "save" checks again and, only when nothing is wrong, saves the stage.
 */
export async function importVotesAction(campaignId: number, previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminVotes",
    schema: importSchema,
    extra: { csv: null, fileName: null, report: null },
    read: async (form, last, keep) => {
      const file = await readCsv(form, last);
      if ("text" in file) keep({ csv: file.text, fileName: file.fileName });
      return { ...Object.fromEntries(form), file };
    },
    echo: (form) => echoFields(form, VOTE_STAGE_FIELDS, 6_000),
    arguments: { fileTooLarge: { max: CSV_MAX_BYTES / 1024 / 1024 } },
    failure: "votes: import failed",
    run: async ({ file, ...stage }, { actor, formData: form, keep }) => {
      if (!Number.isSafeInteger(campaignId) || campaignId <= 0) throw new DomainError("campaignNotFound");
      const report = checkVoteImport(stage, file.text);
      keep({ report });
      if (await stageKeyTaken(campaignId, stage.key)) throw new DomainError("keyTaken", "key");
      if (!report.ok) throw new DomainError("fileHasProblems");
      if (form.get("intent") !== "save") return { keepValues: true };
      await importVoteStage(actor, campaignId, stage, file.text);
      return { revalidate: true, redirect: paths.adminCampaign(campaignId, "imported") };
    },
  });
}

/** The newly chosen file if there is one, else the text of the last check. */
async function readCsv(formData: FormData, previous: Partial<ImportFormState>): Promise<CsvSource> {
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
