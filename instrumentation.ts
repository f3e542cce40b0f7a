import type { Instrumentation } from "next";

// Runs once when a server process starts. Only the Node.js runtime checks secrets, schedules jobs and sends mail.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnusableEnvironment, routeConsoleThroughLogger } = await import("@/lib/server-start");
  refuseUnusableEnvironment();
  routeConsoleThroughLogger();
  const [{ startScheduledJobs }, { startMailWorker }] = await Promise.all([import("@/lib/jobs/schedule"), import("@/lib/email/queue")]);
  startScheduledJobs();
  // Sends the mail queue (lib/email/queue.ts) from every server process; MAIL_WORKER=off turns it off.
  startMailWorker();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logRequestError }, { noteIfDatabaseUnavailable }] = await Promise.all([import("@/lib/server-start"), import("@/lib/database/outage")]);
  // A page that failed for want of the database: the next ones get 503 from proxy.ts until it is back.
  noteIfDatabaseUnavailable(error);
  logRequestError(error, request, context);
};
