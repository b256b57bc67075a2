// Start-up benchmark: wall time of `im-bill estimate … --format json` against a bare
// `node -e 0`, whole processes, interleaved so that both see the same machine load.
// Prints the medians and their ratio (target ≤ 2×, aim 1.25×).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const runs = Number(process.env.RUNS ?? 60);
const bin = fileURLToPath(new URL("../bin/im-bill.cjs", import.meta.url));
const commands = {
  "node -e 0": [process.execPath, ["-e", "0"]],
  "im-bill estimate --format json": [
    process.execPath,
    [bin, "estimate", "--plan", "pro", "--dau", "25000", "--groups", "150000", "--format", "json"],
  ],
};

const time = ([file, args]) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${file} ${args.join(" ")} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (const command of Object.values(commands)) time(command); // warm the file cache
for (let i = 0; i < runs; i++)
  for (const [name, command] of Object.entries(commands)) samples[name].push(time(command));

const [baseline, estimate] = Object.keys(commands).map((name) => median(samples[name]));
for (const name of Object.keys(commands))
  console.log(`${name.padEnd(32)} median ${median(samples[name]).toFixed(1)} ms over ${runs} runs`);
console.log(`ratio ${(estimate / baseline).toFixed(2)}× (target ≤ 2.00×, aim 1.25×)`);
