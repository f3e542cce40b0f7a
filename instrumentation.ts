// Runs once when a server process starts. Only the Node.js runtime schedules jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduledJobs } = await import("@/lib/jobs/schedule");
  startScheduledJobs();
}
