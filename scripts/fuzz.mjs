// A seeded fuzz run of the built CLI: it mutates the examples (types swapped, huge and
// tiny numbers, unicode and control characters, deep nesting, long lists, duplicate and
// prototype keys, BOM/CRLF, truncation, YAML tags and aliases), runs a command on each
// with a timeout, and fails on what must never happen: exit 70 or any code but 0/1/2,
// a hang, a stack trace, or an exit-0 estimate whose amounts do not add up or that its
// schema refuses. The same seed makes the same cases.
//
// Usage: npm run fuzz -- --cases 300 --seed 1 [--jobs 4] [--keep DIR] [--quiet]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { random } from "./lib/random.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/im-bill.cjs");
const { EstimateSchema } = await import(join(root, "dist/index.js"));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const cases = Number(option("cases", 300));
const seed = Number(option("seed", 1));
const jobs = Number(option("jobs", Math.max(2, availableParallelism())));
const keep = option("keep", undefined);
const quiet = args.includes("--quiet");
const TIMEOUT_MS = 10_000;

const examples = readdirSync(join(root, "examples"))
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .map((name) => {
    const text = readFileSync(join(root, "examples", name), "utf8");
    return name.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  });

const WEIRD_STRINGS = [
  "",
  " ",
  "pro ",
  "PRO",
  "专业版",
  "ultimate",
  "\u001b[2J",
  "a\u0000b",
  "\uD800",
  "👩‍👩‍👧‍👦".repeat(50),
  "x".repeat(100_000),
  "toString",
  "__proto__",
  "constructor",
  "=cmd|' /C calc'!A0",
  "-1",
  "25000",
  "25k",
  "1e400",
];
const WEIRD_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e-300,
  1e308,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e9,
  1e9 + 1,
  31,
  32,
  1e21,
  0.1 + 0.2,
];
const KEYS = [
  "plan",
  "usage",
  "features",
  "expect",
  "peakDau",
  "peakGroups",
  "liveGroups",
  "bandwidth",
  "mainlandMbps",
  "days",
  "addons",
  "historyDays",
  "total",
  "lines",
  "violations",
  "__proto__",
  "constructor",
  "usgae",
  "",
  "名字",
];

function mutator(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (max) => Math.floor(next() * max);
  /** Places in a value (a container and a key), each container once, the first 10,000. */
  const slots = (value) => {
    const out = [];
    const seen = new Set();
    const stack = [value];
    while (stack.length > 0 && out.length < 10_000) {
      const node = stack.pop();
      if (node === null || typeof node !== "object" || seen.has(node)) continue;
      seen.add(node);
      for (const key of Object.keys(node).slice(0, 100)) {
        out.push([node, key]);
        stack.push(node[key]);
      }
    }
    return out;
  };
  const weirdValue = () => {
    switch (int(9)) {
      case 0:
        return pick(WEIRD_NUMBERS);
      case 1:
        return pick(WEIRD_STRINGS);
      case 2:
        return pick([true, false, null]);
      case 3:
        return [];
      case 4:
        return {};
      case 5:
        return Array.from({ length: pick([2, 1000, 1001, 130_000]) }, () => pick(["securityStrike", 5, "x"]));
      case 6: {
        let nested = 1;
        for (let i = pick([5, 33, 5000]); i > 0; i--) nested = [nested];
        return nested;
      }
      case 7:
        return Object.fromEntries(Array.from({ length: pick([3, 1001]) }, (_, i) => [`k${i}`, i]));
      default:
        return String(pick(WEIRD_NUMBERS));
    }
  };
  /** Structural mutations of a parsed scenario. */
  const mutateValue = (value) => {
    const copy = structuredClone(value);
    for (let times = 1 + int(3); times > 0; times--) {
      const places = slots(copy);
      const [node, key] = places.length > 0 ? pick(places) : [copy, "plan"];
      switch (int(6)) {
        case 0:
          node[key] = weirdValue();
          break;
        case 1: // type swap
          node[key] =
            typeof node[key] === "number"
              ? String(node[key])
              : typeof node[key] === "string"
                ? Number(node[key]) || 7
                : [node[key]];
          break;
        case 2:
          delete node[key];
          break;
        case 3:
          Object.defineProperty(node, pick(KEYS), {
            value: weirdValue(),
            enumerable: true,
            configurable: true,
            writable: true,
          });
          break;
        case 4:
          if (typeof node[key] === "number") node[key] = node[key] * pick([-1, 10, 1e6, 1e20, 0.5]);
          else node[key] = weirdValue();
          break;
        default:
          node[key] = copy.usage ?? 1; // shared: a repeated subtree, or a cycle that cannot be written
      }
    }
    return copy;
  };
  /** Changes that keep a scenario valid, so that the invariants of its bill get checked. */
  const vary = (value) => {
    const copy = structuredClone(value);
    copy.plan = pick(["trial", "pro", "flagship", "专业版", "ULTIMATE", "体验版"]);
    const usage = (copy.usage ??= {});
    const big = () => pick([int(30_000), int(300_000), int(2 ** 31), Math.floor(next() * Number.MAX_SAFE_INTEGER)]);
    for (const key of ["peakDau", "peakGroups", "liveGroups"]) if (next() < 0.7) usage[key] = big();
    if (next() < 0.5) {
      const mbps = () => pick([0, Math.round(next() * 5000) / 100, next() * 1e9]);
      usage.bandwidth = { mainlandMbps: mbps(), internationalMbps: mbps(), days: 1 + int(31) };
    }
    const features = (copy.features ??= {});
    if (next() < 0.5) features.groupMemberLimit = pick([0, 200, 2000, 6000, 7000, int(10_000)]);
    if (next() < 0.5) features.historyDays = pick([0, 7, 30, 90, 180, 360, 400]);
    if (next() < 0.3) features.securityStrike = next() < 0.5;
    delete copy.expect;
    return copy;
  };

  /** Textual mutations: what a parser sees before any structure. */
  const mutateText = (text, format) => {
    switch (int(12)) {
      case 0:
        return `\uFEFF${text}`;
      case 1:
        return text.replace(/\n/g, "\r\n");
      case 2:
        return text.slice(0, int(text.length + 1));
      case 3: {
        const at = int(text.length + 1);
        return (
          text.slice(0, at) +
          pick([
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            '"',
            "'",
            "\\",
            "\u0000",
            "\t",
            "&a",
            "*a",
            "!!omap ",
            "<<: ",
            "---\n",
            "\u00e9",
          ]) +
          text.slice(at)
        );
      }
      case 4: // a duplicate key
        return format === "json"
          ? text.replace(/^\{/, `{"plan": ${JSON.stringify(pick(["pro", "flagship", "trial", 5]))},`)
          : `plan: ${pick(["pro", "flagship"])}\n${text}`;
      case 5:
        return format === "yaml"
          ? `${pick(["usage: !!omap [peakDau: 50000, peakGroups: 900000]\n", "base: &b {peakDau: 1}\nusage: *b\n", "usage: *nothere\n", "features: {historyDays: !!merge <<}\n", "name: !!binary aGVsbG8=\n", "name: !!timestamp 2020-01-01\n", "x: &a [*a]\n"])}${text}`
          : text.replace(/"plan"/, '"__proto__": {"plan": "trial"}, "plan"');
      case 6: {
        const levels = pick([3, 40, 100_000]);
        return text.replace(/^\s*\{/, `{"deep": ${"[".repeat(levels)}${"]".repeat(levels)},`);
      }
      default:
        return text;
    }
  };
  return { pick, int, next, vary, mutateValue, mutateText };
}

/** A case: its file(s) and the command run on them. */
function makeCase(index, dir) {
  const next = random(seed * 1_000_003 + index);
  const { pick, int, vary, mutateValue, mutateText } = mutator(next);
  // Two cases in five stay valid (their bills are checked); the others are hostile.
  const valid = next() < 0.4;
  const scenario = valid ? vary(pick(examples)) : mutateValue(pick(examples));
  const format = pick(["json", "json", "yaml", "jsonl"]);
  let text;
  try {
    text =
      format === "json"
        ? JSON.stringify(scenario, null, pick([0, 2]))
        : format === "yaml"
          ? toYaml(scenario, { aliasDuplicateObjects: false })
          : [scenario, mutateValue(pick(examples)), pick(examples)].map((item) => JSON.stringify(item)).join("\n");
  } catch {
    text = "{}";
  }
  if (!valid) text = mutateText(text, format === "yaml" ? "yaml" : "json");
  const file = join(dir, `case-${index}.${format}`);
  writeFileSync(file, text);
  const other = join(root, "examples", pick(["small-chat-pro.json", "community-large-groups.yaml"]));
  const commands = [
    ["estimate", file, "--format", "json"],
    ["estimate", file, "--format", "json"],
    ["estimate", file],
    ["batch", file, "--format", "jsonl"],
    ["batch", file, "--format", pick(["table", "csv", "json", "markdown"])],
    ["check", file],
    ["compare", file, "--format", "json"],
    ["forecast", file, "--months", String(1 + int(24)), "--dau-growth", `${int(50)}%`, "--format", "json"],
    ["diff", other, file, "--format", "json"],
    ["prices", "--pricing", file],
  ];
  const command = format === "jsonl" ? pick([commands[3], commands[4], commands[5]]) : pick(commands);
  return { index, file, command };
}

function runCase({ command }) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...command], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr, hung });
    });
  });
}

const fen = (amount) => BigInt(amount.replace(".", ""));

/** What is wrong with an estimate that exited 0, if anything. */
function estimateProblem(estimate) {
  if (!EstimateSchema.safeParse(estimate).success) return "does not match the estimate schema";
  const lines = estimate.lines.reduce((sum, line) => sum + fen(line.amount), 0n);
  if (lines !== fen(estimate.total)) return `total ${estimate.total} is not the sum of the lines`;
  const subtotals = Object.values(estimate.subtotals).reduce((sum, amount) => sum + fen(amount), 0n);
  if (subtotals !== fen(estimate.total)) return "total is not the sum of the subtotals";
  if (estimate.subtotals.discount === "0.00" && estimate.lines.some((line) => fen(line.amount) < 0n))
    return "a negative line without a discount";
  return undefined;
}

/** A batch record is an estimate with its id and source in front. */
const estimateOfRecord = ({ id: _id, source: _source, ...estimate }) => estimate;

/** What went wrong in a case, if anything. */
function judge({ command }, result) {
  if (result.hung) return "hang";
  if (![0, 1, 2].includes(result.status)) return `exit ${result.status}`;
  if (/internal error|\n\s+at /.test(result.stderr)) return "a stack trace or an internal error";
  if (result.status !== 0 && `${result.stdout}${result.stderr}`.trim() === "")
    return `exit ${result.status} without a word`;
  if (command[0] === "estimate" && command.includes("json") && result.status === 0)
    return estimateProblem(JSON.parse(result.stdout));
  if (command[0] === "batch" && command.includes("jsonl")) {
    for (const line of result.stdout.split("\n").filter(Boolean)) {
      const record = JSON.parse(line);
      const problem = record.error === undefined ? estimateProblem(estimateOfRecord(record)) : undefined;
      if (problem) return `batch: ${record.id}: ${problem}`;
    }
  }
  return undefined;
}

const dir = mkdtempSync(join(tmpdir(), "im-bill-fuzz-"));
const started = Date.now();
const codes = new Map();
const failures = [];
let nextIndex = 0;
async function worker() {
  while (nextIndex < cases) {
    const testCase = makeCase(nextIndex++, dir);
    const result = await runCase(testCase);
    let problem;
    try {
      problem = judge(testCase, result);
    } catch (error) {
      problem = `unreadable output: ${error.message}`;
    }
    const key = result.hung ? "hang" : String(result.status);
    codes.set(key, (codes.get(key) ?? 0) + 1);
    if (problem) {
      failures.push({ index: testCase.index, command: testCase.command, problem, stderr: result.stderr.slice(0, 400) });
      if (keep) {
        mkdirSync(keep, { recursive: true });
        writeFileSync(join(keep, `case-${testCase.index}-${seed}.txt`), readFileSync(testCase.file));
      }
    }
    if (!quiet && (testCase.index + 1) % 100 === 0) process.stderr.write(`\r${testCase.index + 1}/${cases} cases…`);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
rmSync(dir, { recursive: true, force: true });
if (!quiet) process.stderr.write("\r");

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const histogram = [...codes]
  .sort()
  .map(([code, count]) => `exit ${code}: ${count}`)
  .join(", ");
console.log(`fuzz: ${cases} cases, seed ${seed}, ${seconds} s — ${histogram}`);
console.log(
  `fuzz: ${failures.length} failure${failures.length === 1 ? "" : "s"} (exit 70 or other codes, hangs, stack traces, broken estimates)`,
);
for (const failure of failures.slice(0, 20)) {
  console.log(
    `  case ${failure.index}: ${failure.problem}: im-bill ${failure.command.map((arg) => arg.replace(dir, "$DIR")).join(" ")}`,
  );
  if (failure.stderr) console.log(`    ${failure.stderr.split("\n")[0]}`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
