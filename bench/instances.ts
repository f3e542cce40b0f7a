// `npm run bench:instances [-- --direct] [-- --skip-build]`: the two-instance check on its own, as a
// test (exit code 1 on failure). Two app instances on one fresh database take signatures at once;
// none may be lost, none duplicated, and both must show the one count the rows give. By default
// through the reference deployment (nginx in front, PgBouncer behind, installed from Debian's
// packages when missing and run as root; without them it says so and runs direct); `--direct` talks
// to the instances themselves. `npm run bench -- --only instances` runs the same check and also
// compares signing throughput with one and two instances.
import { ensureBuild } from "./lib/app-server";
import { runWithCleanup } from "./lib/cleanup";
import { renderNotes } from "./lib/report";
import type { Figure, Note } from "./lib/report";
import { instances } from "./scenarios/instances";

runWithCleanup(async () => {
  const started = Date.now();
  await ensureBuild((line) => console.log(line), { skip: process.argv.includes("--skip-build") });
  const figures: Figure[] = [];
  const notes: Note[] = [];
  const mode = process.argv.includes("--direct") ? "direct" : "deployment";
  const { failures } = await instances({ figures, notes, options: { seconds: 0, scale: 0, only: null, build: true }, log: (line) => console.log(line) }, { throughput: false, mode });
  console.log(`\n${renderNotes(notes)}`);
  console.log(`${failures.length ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failures.length ? 1 : 0;
});
