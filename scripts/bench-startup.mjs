// Start-up benchmark: wall time of the commands people start most, against a bare
// `node -e 0`, whole processes, interleaved so that every command sees the same machine
// load. Prints each median and its ratio to node's, against the targets of
// issue 28 (docs/architecture.md): an estimate as JSON ≤ 1.20×, as a table, a comparison,
// a check and --help ≤ 1.25×. Output goes to a pipe, as a script reads it; exits 1 past a target
// with --check.
//
// Usage: node scripts/bench-startup.mjs [--check]   (RUNS=60 by default)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const runs = Number(process.env.RUNS ?? 60);
const bin = fileURLToPath(new URL("../bin/im-bill.cjs", import.meta.url));
const example = fileURLToPath(new URL("../examples/small-chat-pro.json", import.meta.url));
const estimate = ["estimate", "--plan", "pro", "--dau", "25000", "--groups", "150000"];
const commands = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "im-bill estimate --format json", args: [bin, ...estimate, "--format", "json"], target: 1.2 },
  { name: "im-bill estimate (table)", args: [bin, ...estimate], target: 1.25 },
  { name: "im-bill compare --dau 25000", args: [bin, "compare", "--dau", "25000"], target: 1.25 },
  { name: "im-bill check (one file)", args: [bin, "check", example], target: 1.25 },
  { name: "im-bill --help", args: [bin, "--help"], target: 1.25 },
];

const time = ({ name, args }) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const samples = commands.map(() => []);
for (const command of commands) time(command); // warm the file cache
for (let i = 0; i < runs; i++) for (const [index, command] of commands.entries()) samples[index].push(time(command));

const baseline = median(samples[0]);
let over = 0;
for (const [index, { name, target }] of commands.entries()) {
  const value = median(samples[index]);
  const ratio = value / baseline;
  if (target !== undefined && ratio > target) over++;
  const verdict = target === undefined ? "" : `${ratio.toFixed(2)}× (target ≤ ${target.toFixed(2)}×)`;
  console.log(`${name.padEnd(32)} median ${value.toFixed(1).padStart(6)} ms  ${verdict}`);
}
console.log(`${runs} interleaved runs each`);
if (process.argv.includes("--check") && over > 0) process.exitCode = 1;
