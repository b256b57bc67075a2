// Runs npm scripts in lanes side by side, each lane's in a row (`node scripts/checks.mjs
// build,lint typecheck,format:check`: what `npm test` does first). Two lanes, as many as
// the cores of the machines it is made for: four scripts at once measured no faster than
// in a row on two cores (each is busy on more than one thread). Each script's output is
// printed whole when it ends, so that two never interleave; the run fails when any
// fails, after every lane has ended.
import { spawn } from "node:child_process";
import { npmInvocation } from "./lib/npm.mjs";

const lanes = process.argv.slice(2);

const run = (name) =>
  new Promise((resolve) => {
    const started = Date.now();
    const npm = npmInvocation(["run", "--silent", name]);
    const child = spawn(npm.file, npm.args, { stdio: ["ignore", "pipe", "pipe"], shell: npm.shell });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${code === 0 ? "✓" : "✗"} ${name} (${seconds} s)\n${code === 0 ? "" : output}`);
      resolve(code === 0);
    });
  });

const lane = async (scripts) => {
  let ok = true;
  for (const name of scripts) ok = (await run(name)) && ok;
  return ok;
};
const results = await Promise.all(lanes.map((names) => lane(names.split(","))));
process.exitCode = results.every(Boolean) ? 0 : 1;
