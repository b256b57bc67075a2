// Makes dist/cli.cjs.<kind>.cache: runs the runs of one kind that people start most
// (measured by scripts/bench-startup.mjs), then saves what they compiled. Run by
// scripts/build.mjs once for each kind of bin/im-bill.cjs, each in a fresh process.
//
// Usage: node scripts/code-cache.mjs data|table|check|help|rest
import { createRequire } from "node:module";
import { Writable } from "node:stream";

const { writeCodeCache } = createRequire(import.meta.url)("../bin/im-bill.cjs");
const estimate = ["estimate", "--plan", "pro", "--dau", "25000", "--groups", "150000"];
const warmUps = {
  data: [[...estimate, "--format", "json"]],
  table: [estimate, ["compare", "--dau", "25000"]],
  check: [["check", "examples/small-chat-pro.json"]],
  help: [["--help"], ["estimate", "--help"]],
  // dist/cli-rest.cjs: the other formats of an estimate and a comparison, a forecast, the price sheet.
  rest: [
    [...estimate, "--format", "markdown"],
    [...estimate, "--format", "csv"],
    [...estimate, "--format", "html"],
    ["compare", "--dau", "25000", "--format", "markdown"],
    ["forecast", "--plan", "pro", "--dau", "25000", "--dau-growth", "10%"],
    ["prices"],
  ],
};
const kind = process.argv[2];
if (!Object.hasOwn(warmUps, kind)) throw new Error(`no such kind of run: ${kind}`);
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
await writeCodeCache(kind, async (cli) => {
  for (const argv of warmUps[kind]) {
    const code = await cli.run(argv, { stdout: sink(), stderr: sink(), stdin: undefined, cwd: process.cwd(), env: {} });
    // A run that fails compiles its error's path, not the one it stands for.
    if (code !== 0) throw new Error(`the warm-up run \`im-bill ${argv.join(" ")}\` exited ${code}`);
  }
});
