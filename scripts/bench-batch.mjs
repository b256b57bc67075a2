// Batch benchmark: generates JSONL scenarios (a deterministic mix of editions, usage
// and needs, some with violations) and runs `im-bill batch <file> --format jsonl` on
// them, reporting scenarios per second and peak RSS (from /usr/bin/time, else /proc);
// then the same input as a table (--format table, which draws every row at the end),
// up to 100,000 scenarios, beside its jsonl time.
// Usage: npm run bench [-- 100000 1000000]
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { random } from "./lib/random.mjs";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [100_000, 1_000_000];
const bin = fileURLToPath(new URL("../bin/im-bill.cjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "im-bill-bench-"));

async function generate(count, path) {
  const next = random(42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    const scenario = {
      name: `app-${i}`,
      plan: pick(["trial", "pro", "pro", "flagship"]),
      usage: {
        peakDau: Math.floor(next() * 200_000),
        peakGroups: Math.floor(next() * 500_000),
        liveGroups: Math.floor(next() * 120),
        bandwidth: { mainlandMbps: Math.round(next() * 2000) / 10, days: 30 },
      },
      features: {
        historyDays: pick([7, 30, 90, 180]),
        groupMemberLimit: pick([200, 1500, 4000]),
        securityStrike: next() < 0.3,
      },
    };
    if (!out.write(`${JSON.stringify(scenario)}\n`)) await new Promise((done) => out.once("drain", done));
  }
  await new Promise((done) => out.end(done));
}

/** Run the batch, stdout discarded; wall time and peak RSS. */
function measure(input, format = "jsonl") {
  const useTime = existsSync("/usr/bin/time");
  const command = useTime ? "/usr/bin/time" : process.execPath;
  const args = useTime
    ? ["-f", "%M", process.execPath, bin, "batch", input, "--format", format]
    : [bin, "batch", input, "--format", format];
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CI: "1" } });
    let stderr = "";
    let peakKb = 0;
    // Without /usr/bin/time: sample the high-water mark the kernel keeps.
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process ended between two looks: its last peak stands
      }
    }, 50);
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) return fail(new Error(`batch exited ${code}: ${stderr}`));
      if (useTime) peakKb = Number(stderr.trim().split("\n").at(-1));
      done({ seconds, peakMb: peakKb / 1024 });
    });
  });
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
console.log("scenarios   input MB   seconds   scenarios/s   peak RSS MB");
const tables = [];
try {
  for (const count of counts) {
    const input = join(dir, `scenarios-${count}.jsonl`);
    await generate(count, input);
    const { seconds, peakMb } = await measure(input);
    if (count <= 100_000) tables.push({ count, jsonl: seconds, ...(await measure(input, "table")) });
    const row = [
      count.toLocaleString("en-US").padStart(9),
      (statSync(input).size / 1e6).toFixed(1).padStart(10),
      seconds.toFixed(2).padStart(9),
      Math.round(count / seconds)
        .toLocaleString("en-US")
        .padStart(13),
      peakMb.toFixed(0).padStart(13),
    ];
    console.log(row.join(" "));
  }
  if (tables.length > 0) console.log("\nscenarios   jsonl s   table s   table/jsonl   table peak RSS MB");
  for (const { count, jsonl, seconds, peakMb } of tables) {
    const row = [
      count.toLocaleString("en-US").padStart(9),
      jsonl.toFixed(2).padStart(9),
      seconds.toFixed(2).padStart(9),
      `${(seconds / jsonl).toFixed(2)}×`.padStart(13),
      peakMb.toFixed(0).padStart(19),
    ];
    console.log(row.join(" "));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
