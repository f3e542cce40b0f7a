// Resident memory of a process, from /proc (Linux only).
import { readFileSync, writeFileSync } from "node:fs";

/** A field of /proc/<pid>/status in MB, e.g. VmRSS (now) or VmHWM (peak). */
export function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`/proc/${pid}/status has no ${field}`);
  return kb / 1024;
}

/** Resets the kernel's peak-RSS mark (VmHWM) so that it measures from now; false when not permitted. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * Watches a process's memory while something runs: the kernel's peak since the reset when it could be
 * reset, and in any case the highest of frequent samples (which can miss a spike between two samples).
 */
export async function watchPeak<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; beforeMb: number; peakMb: number; method: string }> {
  const beforeMb = statusMb(pid, "VmRSS");
  const kernelPeak = resetPeak(pid);
  let sampled = beforeMb;
  const timer = setInterval(() => {
    try {
      sampled = Math.max(sampled, statusMb(pid, "VmRSS"));
    } catch {
      // the process ended; the work will report that
    }
  }, 20);
  try {
    const result = await work();
    const peakMb = kernelPeak ? Math.max(sampled, statusMb(pid, "VmHWM")) : sampled;
    return { result, beforeMb, peakMb, method: kernelPeak ? "VmHWM after reset" : "VmRSS sampled every 20 ms" };
  } finally {
    clearInterval(timer);
  }
}
