// A seeded fuzz run of the built CLI over every surface a stranger's file reaches:
// - scenario: the examples mutated (types swapped, huge and tiny numbers, unicode and
//   control characters, deep nesting, long lists, duplicate and prototype keys, BOM/CRLF,
//   truncation, YAML tags and aliases) through every command;
// - config: project configs (and package.json files) mutated, or special files in their place;
// - overlay: price files mutated (ids, currencies, dates, figures);
// - usage: usage CSVs mutated (columns, dates, counts past the limits, row counts);
// - update: check --update on mutated files: the file must still parse, and keep everything
//   outside its expect block and its pin;
// - markdown: hostile names in batch, compare and diff markdown: no HTML, link, image or
//   mention, every table row as wide as its head;
// - junit: hostile names in check's JUnit: well-formed XML for a strict parser;
// - terminal: hostile names and arguments: no raw control, BiDi or zero-width character on a terminal;
// - signal: SIGINT or SIGTERM while a read waits (stdin held open): exit 130/143 at once;
// - pull: usage pull against a loopback getappinfo with mutated answers, and
// - gitdiff: diff --base over generated repositories (links, renames, configs): see
//   scripts/fuzz/network.ts for their rules.
// Each case runs the built CLI (dist/cli.cjs) through its `run` in a worker thread, as
// scripts/lib/cli-worker.mjs runs it: the code a spawn runs, without a Node start a case
// (test/cli/contract.e2e.test.ts holds the two alike). A case that sends a signal, or
// holds stdin open, spawns the binary; so does every case with --spawn.
// Each case runs with a timeout, and fails on what must never happen: exit 70 or any code
// but 0/1/2, a hang, a stack trace, or an exit-0 estimate whose amounts do not add up or
// that its schema refuses, or the surface's own rule. The same seed makes the same cases:
// fast-check draws each case (fc.gen, sampled with the seed), its choices unbiased and its
// hostile values from fast-check's arbitraries too (strings of any code unit, doubles,
// integers, JSON values), beside the lists below of what is known to have broken things.
//
// Usage: npm run fuzz -- --cases 300 --seed 1 [--jobs 4] [--keep DIR] [--quiet] [--surface NAME] [--from N] [--spawn]
// (--from N: start at case N, so that `--from 7045 --cases 7046 --keep DIR` replays case 7045 alone)
import { spawn, spawnSync } from "node:child_process";
import { MessageChannel, type Worker } from "node:worker_threads";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, constants, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import MarkdownIt from "markdown-it";
import { SaxesParser } from "saxes";
import { parse as parseYaml, parseAllDocuments, stringify as toYaml } from "yaml";
import fc from "fast-check";
import { startCliWorker } from "../lib/cli-worker.mjs";
import { toJson } from "./json.js";
import { fen, gitDiffCase, gitDiffProblem, pullCase, pullProblem, startFuzzServers } from "./network.js";
import type { Mutator, RunAgain, RunResult, TestCase } from "./types.js";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin/im-bill.cjs");
const { EstimateSchema, readReport } = (await import(
  pathToFileURL(join(root, "dist/index.js")).href
)) as typeof import("../../src/index.js");

const args = process.argv.slice(2);
const option = <T>(name: string, fallback: T): string | T => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : (args[at + 1] ?? fallback);
};
const cases = Number(option("cases", 300));
const seed = Number(option("seed", 1));
const jobs = Number(option("jobs", Math.max(2, availableParallelism())));
const keep = option("keep", undefined);
const quiet = args.includes("--quiet");
const only = option("surface", undefined);
const spawnEvery = args.includes("--spawn");
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

/** A case's choices, drawn from its fast-check generator: odds unbiased, hostile values from arbitraries too. */
function mutator(g: fc.GeneratorValue): Mutator {
  // Uniform in [0, 1): a whole number over 2^32 (fast-check draws doubles evenly over their encodings, mostly near 0).
  const next = () => g(() => fc.noBias(fc.nat({ max: 0xffff_ffff }))) / 2 ** 32;
  const int = (max: number) => (max <= 1 ? 0 : g(() => fc.noBias(fc.nat({ max: max - 1 }))));
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  /**
   * Places in a value (a container and a key), each container once, the first 10,000, none deeper
   * than 64: deep nesting comes from weirdValue alone, so that mutations never stack it past what
   * JSON.stringify (this script's, not the tool's) can write.
   */
  const slots = (value: any) => {
    const out: [any, string][] = [];
    const seen = new Set<unknown>();
    const stack: [any, number][] = [[value, 0]];
    while (stack.length > 0 && out.length < 10_000) {
      const [node, depth] = stack.pop()!;
      if (node === null || typeof node !== "object" || seen.has(node) || depth > 64) continue;
      seen.add(node);
      for (const key of Object.keys(node).slice(0, 100)) {
        out.push([node, key]);
        stack.push([node[key], depth + 1]);
      }
    }
    return out;
  };
  const weirdValue = (): unknown => {
    switch (int(13)) {
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
      case 5: {
        // One draw for the whole list: each of a generator's draws is kept (for its report) until the case ends.
        const length = pick([2, 1000, 1001, 130_000]);
        return g(() =>
          fc.noBias(fc.array(fc.constantFrom("securityStrike", 5, "x"), { minLength: length, maxLength: length })),
        );
      }
      case 6: {
        let nested: unknown = 1;
        for (let i = pick([5, 33, 5000]); i > 0; i--) nested = [nested];
        return nested;
      }
      case 7:
        return Object.fromEntries(Array.from({ length: pick([3, 1001]) }, (_, i) => [`k${i}`, i]));
      // fast-check's own: any code unit (lone surrogates, controls), any double, the edges of integers, any JSON.
      case 8:
        return g(fc.string, { unit: "binary", maxLength: 40 });
      case 9:
        return g(fc.double, { noNaN: true, noDefaultInfinity: true });
      case 10:
        return g(fc.integer, { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
      case 11:
        return g(fc.jsonValue, { maxDepth: 3 });
      default:
        return String(pick(WEIRD_NUMBERS));
    }
  };
  /** Structural mutations of a parsed scenario. */
  const mutateValue = (value: any) => {
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
  const vary = (value: any) => {
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
  const mutateText = (text: string, format: string) => {
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

/** Names a stranger may give: markup, mentions, links, BiDi and zero-width tricks, what XML cannot hold. */
const HOSTILE_NAMES = [
  "<!-- hidden",
  "@team please look",
  "<img src=x onerror=alert(1)>",
  "[click](https://evil.example)",
  "![x](http://t/i.png)",
  "a|b|c",
  "line\nbreak",
  "https://evil.example www.evil.example",
  "# heading",
  "- item",
  "1. first",
  "**bold** _it_ `code` ~~s~~",
  "pay\u202eevil",
  "zero\u200bwidth\u2066iso",
  "\u001b[31mred\u001b[0m",
  "\u0007bell\u0000nul",
  "\uFFFE\uFFFF",
  "\uD800lone",
  "]]> </testsuite>",
  "\"quotes\" & 'apos'",
  "名字 — 专业版",
  "&lt;encoded&gt;",
];

/** A name as a command line can carry it: argv cannot hold NUL, files can. */
const asArgument = (name: string) => name.replaceAll("\u0000", "");

/** Text as the RAW test sees it: CSV's CRLF line ends and the joiners inside an emoji (👩‍💻) are fine. */
const shown = (text: string) =>
  text
    .replaceAll("\r\n", "\n")
    .replace(/(?<=\p{Extended_Pictographic}[\u{1f3fb}-\u{1f3ff}\ufe0f]?)\u200d(?=\p{Extended_Pictographic})/gu, "");
/** Characters a terminal acts on or that hide what is shown: none may reach it raw. */
type Surface =
  | "scenario"
  | "config"
  | "overlay"
  | "usage"
  | "update"
  | "markdown"
  | "junit"
  | "terminal"
  | "signal"
  | "pull"
  | "gitdiff";

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
// As GitHub reads it: links from "www." and a scheme, and e-mail addresses; a bare domain stays text.
const markdownIt = new MarkdownIt({ html: true, linkify: true });
markdownIt.linkify.set({ fuzzyLink: false });

/** The weights of the surfaces: how many cases of a hundred each gets. */
const SURFACES: Record<Surface, number> = {
  scenario: 28,
  config: 10,
  overlay: 10,
  usage: 10,
  update: 12,
  markdown: 8,
  junit: 6,
  terminal: 8,
  signal: 8,
  pull: 8,
  gitdiff: 8,
};

/** The secret key the pull surface signs with (a test key: the server only records what it is sent). */
const SECRET = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const servers = await startFuzzServers();

/** The CLI again, as a judge's follow-up (an estimate of a pulled file, a second pull, batch on a tree); never blocking the servers. */
const runAgain: RunAgain = (command, { cwd, env } = {}) =>
  runCase({ command, ...(cwd ? { cwd } : {}), ...(env ? { env } : {}) });

function pickSurface(next: () => number): Surface {
  if (only) return only as Surface;
  const total = Object.values(SURFACES).reduce((sum, weight) => sum + weight, 0);
  let at = next() * total;
  for (const [surface, weight] of Object.entries(SURFACES)) if ((at -= weight) < 0) return surface as Surface;
  return "scenario";
}

const write = (path: string, text: string) => writeFileSync(path, text);

/**
 * A case's generator: fast-check's, sampled with a seed of its own (the run's and its
 * index), so that the same seed makes the same cases and a case replays alone (--from).
 * Made when the case is, and dropped with it: a generator keeps what it drew.
 */
const generatorOf = (index: number): fc.GeneratorValue =>
  fc.sample(fc.gen(), { seed: (seed * 1_000_003 + index) | 0, numRuns: 1 })[0]!;

/** A case: its surface, files, the command run on them, and the rule its result must keep. */
function makeCase(index: number, dir: string): TestCase {
  const m = mutator(generatorOf(index));
  const surface = pickSurface(() => m.next());
  const home = join(dir, `case-${index}`);
  mkdirSync(home, { recursive: true });
  return { index, surface, ...SURFACE_CASES[surface](m, home, index) };
}

/** A scenario file's text: valid (its bill checked) or hostile, as JSON, YAML or JSONL. */
function scenarioText(m: Mutator): { text: string; format: string } {
  const valid = m.next() < 0.4;
  const scenario = valid ? m.vary(m.pick(examples)) : m.mutateValue(m.pick(examples));
  const format = m.pick(["json", "json", "yaml", "jsonl"]);
  let text: string;
  try {
    text =
      format === "json"
        ? toJson(scenario, m.pick([0, 2]))
        : format === "yaml"
          ? toYaml(scenario, { aliasDuplicateObjects: false })
          : [scenario, m.mutateValue(m.pick(examples)), m.pick(examples)].map((item) => toJson(item)).join("\n");
  } catch {
    text = "{}";
  }
  if (!valid) text = m.mutateText(text, format === "yaml" ? "yaml" : "json");
  return { text, format };
}

/** A case of a surface, but for its index and surface: what it runs, on what, and what its judge needs. */
type CaseOf = Omit<TestCase, "index" | "surface">;

const SURFACE_CASES: Record<Surface, (m: Mutator, home: string, index: number) => CaseOf> = {
  pull(m, home, index) {
    return pullCase(m, home, servers, index, SECRET);
  },

  gitdiff(m, home) {
    return gitDiffCase(m, home, () => (m.next() < 0.85 ? m.vary(m.pick(examples)) : m.mutateValue(m.pick(examples))));
  },

  scenario(m, home) {
    const { text, format } = scenarioText(m);
    const file = join(home, `case.${format}`);
    write(file, text);
    const other = join(root, "examples", m.pick(["small-chat-pro.json", "community-large-groups.yaml"]));
    const commands = [
      ["estimate", file, "--format", "json"],
      ["estimate", file, "--format", "json", "--catalog", m.pick(["tencent-im-cn-2020", "tencent-im-cn-2024"])],
      ["estimate", file],
      ["batch", file, "--format", "jsonl"],
      ["batch", file, "--format", m.pick(["table", "csv", "json", "markdown"])],
      ["check", file],
      ["compare", file, "--format", "json"],
      ["forecast", file, "--months", String(1 + m.int(24)), "--dau-growth", `${m.int(50)}%`, "--format", "json"],
      ["diff", other, file, "--format", "json"],
      ["prices", "--pricing", file],
    ];
    const command = format === "jsonl" ? m.pick([commands[3]!, commands[4]!, commands[5]!]) : m.pick(commands);
    return { command, files: [file] };
  },

  // A project (a git repository) with a config at its root, run from a folder below.
  config(m, home) {
    mkdirSync(join(home, ".git"));
    mkdirSync(join(home, "app"));
    write(
      join(home, "prices.yaml"),
      'extends: tencent-im-cn-2024\nid: ours\neditions:\n  pro:\n    packageFee: { price: "999.00" }\n',
    );
    const name = m.pick(["im-bill.config.yaml", "im-bill.config.json", "im-bill.config.yml", "package.json"]);
    const path = join(home, name);
    const settings = {
      ...(m.next() < 0.5 ? { discount: m.pick(["15%", 15, "100%", "150%", "-5", "12.34567", "ten"]) } : {}),
      ...(m.next() < 0.4 ? { lang: m.pick(["zh", "en", "fr"]) } : {}),
      ...(m.next() < 0.3 ? { catalog: m.pick(["tencent-im-cn-2020", "tencent-im-cn-2024", "2024", "nope"]) } : {}),
      ...(m.next() < 0.3 ? { pricing: m.pick(["prices.yaml", "missing.yaml", "/dev/zero", "app"]) } : {}),
    };
    switch (m.int(6)) {
      case 0: // special files where a config is looked for
        if (m.next() < 0.5) spawnSync("mkfifo", [path]);
        // eslint-disable-next-line no-dupe-else-if -- a second draw of the generator, not the same condition
        else if (m.next() < 0.5) symlinkSync(m.pick(["/dev/zero", "/dev/urandom", home]), path);
        else mkdirSync(path);
        break;
      case 1: // a package.json that is somebody else's
        write(
          join(home, "package.json"),
          m.pick([
            "",
            '{"name": "a", "name": "b"}',
            "{ not json",
            JSON.stringify({
              dependencies: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`p${i}`, "1"])),
            }),
            "\uFEFF{}",
          ]),
        );
        break;
      case 2: // a config above the repository: it must not be read
        write(join(dirname(home), `${m.int(1e9)}-im-bill.config.yaml`), "discount: 99%\n");
        write(path, name === "package.json" ? JSON.stringify({ "im-bill": settings }) : JSON.stringify(settings));
        break;
      default: {
        const value = m.next() < 0.5 ? m.mutateValue(settings) : settings;
        let text = name.endsWith(".json") ? toJson(name === "package.json" ? { "im-bill": value } : value) : "";
        if (!text) {
          try {
            text = toYaml(value);
          } catch {
            text = "{}";
          }
        }
        write(path, m.next() < 0.4 ? m.mutateText(text, name.endsWith(".json") ? "json" : "yaml") : text);
      }
    }
    const command = m.pick([
      ["estimate", "--plan", "pro", "--format", "json"],
      ["check", join(root, "examples", "small-chat-pro.json"), "--format", "json"],
      ["prices", "--format", "json"],
    ]);
    return { command, cwd: join(home, "app"), files: [path] };
  },

  overlay(m, home) {
    // Two cases in five are a well-formed overlay (a negotiated price, dates, a source), so that
    // the bills it makes are checked too; the rest pick hostile values and mutate them.
    const valid = m.next() < 0.4;
    const document = valid
      ? {
          extends: m.pick(["tencent-im-cn-2020", "tencent-im-cn-2024"]),
          id: m.pick(["ours", "acme-negotiated"]),
          ...(m.next() < 0.5 ? { effective: { from: "2026-01-01", to: m.pick(["2026-12-31", null]) } } : {}),
          sources: { contract: m.pick(HOSTILE_NAMES) },
          editions: {
            pro: { packageFee: { price: m.pick(["849.15", "0.00", "1274.15", "999999.99"]), source: "contract" } },
          },
        }
      : {
          extends: m.pick(["tencent-im-cn-2020", "tencent-im-cn-2024", "tencent-im-cn-2024", "2024", "nope", 7]),
          ...(m.next() < 0.6
            ? { id: m.pick(["ours", "tencent-im-cn-2020", "tencent-im-cn-2024", "", m.pick(HOSTILE_NAMES)]) }
            : {}),
          ...(m.next() < 0.3 ? { currency: m.pick(["CNY", "USD", "EUR", "", 5]) } : {}),
          ...(m.next() < 0.3
            ? {
                effective: {
                  from: m.pick(["2026-01-01", "2027-01-01", null, "2026-13-01"]),
                  to: m.pick(["2026-12-31", null, "2025-01-01"]),
                },
              }
            : {}),
          sources: { contract: m.pick(HOSTILE_NAMES) },
          editions: {
            pro: {
              packageFee: { price: m.pick(["849.15", "0.00", "999999999999.99", "-1", "1e3", 5]), source: "contract" },
            },
            ...(m.next() < 0.3 ? { enterprise: { packageFee: { price: "8000.00", source: "contract" } } } : {}),
            ...(m.next() < 0.2 ? { [m.pick(["Ultra!", "premium", ""])]: m.pick(examples) } : {}),
          },
        };
    const value = !valid && m.next() < 0.5 ? m.mutateValue(document) : document;
    const text = toJson(value);
    const file = join(home, "prices.json");
    write(file, !valid && m.next() < 0.4 ? m.mutateText(text, "json") : text);
    const command = m.pick([
      [
        "estimate",
        "--plan",
        m.pick(["pro", "flagship", "enterprise"]),
        "--dau",
        "25000",
        "--pricing",
        file,
        "--format",
        "json",
      ],
      ["compare", "--dau", "25000", "--pricing", file, "--format", "json"],
      ["catalogs", "--diff", "tencent-im-cn-2024", file, "--format", "json"],
      ["prices", "--pricing", file],
    ]);
    return { command, files: [file] };
  },

  usage(m, home) {
    const header = m.pick([
      "date,dau,groups",
      "date,dau,groups,live_groups,mainland_mbps,international_mbps",
      "日期,DAU,群组数",
      "date,dau,groups,date",
      "date,dau",
      "Date,DAU,Groups,foo",
    ]);
    const day = () =>
      m.pick([
        `2026-${String(1 + m.int(12)).padStart(2, "0")}-${String(1 + m.int(28)).padStart(2, "0")}`,
        "2026/03/01",
        "0000-01-01",
        "9999-12-31",
        "2026-02-30",
        "yesterday",
      ]);
    const count = () =>
      m.pick([
        String(m.int(100_000)),
        "25k",
        "2.5万",
        "-1",
        "1.5",
        "100000000000000000001",
        "9007199254740991",
        "",
        "1e20",
      ]);
    const mbps = () => m.pick(["0", "12.5", "1000000000", "1000000001", "-3", ""]);
    const width = header.split(",").length;
    let rows = m.next() < 0.05 ? 100_000 + m.int(2) : m.int(70);
    const lines = [header];
    // Two cases in five are a well-formed export (one to three months of days), so that the
    // bill of each month and their sum are checked, not only the refusals.
    if (m.next() < 0.4) {
      const start = Date.UTC(2025 + m.int(2), m.int(12), 1);
      lines.splice(0, 1, "date,dau,groups,live_groups,mainland_mbps,international_mbps");
      for (let i = 0, days = 1 + m.int(92); i < days; i++) {
        const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
        lines.push([date, m.int(200_000), m.int(150_000), m.int(500), m.int(2000) / 10, m.int(100) / 10].join(","));
      }
      rows = 0;
    }
    for (let i = 0; i < rows; i++) {
      if (rows > 1000) {
        const date = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        lines.push([date, "1", "1", ...Array(Math.max(0, width - 3)).fill("0")].slice(0, width).join(","));
      } else lines.push([day(), count(), count(), count(), mbps(), mbps()].slice(0, width).join(","));
    }
    let text = `${lines.join("\n")}\n`;
    if (rows > 0 && rows <= 1000 && m.next() < 0.3) text = m.mutateText(text, "json");
    const file = join(home, "usage.csv");
    write(file, text);
    const out = join(home, "bill.json");
    const command = ["estimate", "--plan", m.pick(["pro", "flagship", "trial"]), "--usage-csv", file, "-o", out];
    return { command, files: [file], output: out };
  },

  update(m, home) {
    const { text, format } = updateText(m);
    const file = join(home, `app.${format}`);
    write(file, text);
    if (m.next() < 0.2) chmodSync(file, 0o600);
    const command = ["check", "--update", file, ...(m.next() < 0.3 ? ["--dry-run"] : [])];
    return { command, files: [file], before: text, format };
  },

  markdown(m, home) {
    const [a, b] = [join(home, "a.json"), join(home, "b.json")];
    write(a, JSON.stringify({ name: m.pick(HOSTILE_NAMES), plan: m.pick(["pro", "flagship"]) }));
    write(b, JSON.stringify({ name: m.pick(HOSTILE_NAMES), plan: "pro", usage: { peakDau: m.int(50_000) } }));
    // A price file's words reach the markdown too: its title, id, sources, edition names.
    const prices = join(home, "prices.json");
    const localized = () => ({ en: m.pick(HOSTILE_NAMES), zh: m.pick(HOSTILE_NAMES) });
    write(
      prices,
      JSON.stringify({
        extends: "tencent-im-cn-2024",
        id: m.pick(["ours", ...HOSTILE_NAMES.filter((name) => /^[\x21-\x7e]+$/.test(name))]),
        title: localized(),
        sources: { contract: m.pick(HOSTILE_NAMES) },
        editions: { pro: { name: localized(), packageFee: { price: "1274.15", source: "contract" } } },
      }),
    );
    const command = m.pick([
      ["batch", a, b, "--format", "markdown"],
      ["compare", a, "--format", "markdown"],
      ["diff", a, b, "--format", "markdown", "--title", asArgument(m.pick(HOSTILE_NAMES))],
      ["prices", "--format", "markdown"],
      ["prices", "--pricing", prices, "--format", "markdown", "--lang", m.pick(["en", "zh"])],
      ["estimate", a, "--pricing", prices, "--format", "markdown"],
      ["compare", a, "--pricing", prices, "--format", "markdown"],
    ]);
    return { command, files: [a, b, prices] };
  },

  junit(m, home) {
    const file = join(home, "x.jsonl");
    const names = Array.from({ length: 1 + m.int(4) }, () => m.pick(HOSTILE_NAMES));
    write(
      file,
      names
        .map((name) => JSON.stringify({ name, plan: "pro", expect: { total: m.pick(["1.00", "1499.00"]) } }))
        .join("\n"),
    );
    return { command: ["check", file, "--format", "junit"], files: [file], testcases: names.length };
  },

  terminal(m, home) {
    const file = join(home, "t.json");
    const name = m.pick(HOSTILE_NAMES);
    write(file, JSON.stringify({ name, plan: "pro", expect: { total: "1.00" } }));
    const flag = asArgument(name);
    const command = m.pick([
      ["estimate", file],
      ["batch", file, "--format", "table"],
      ["check", file],
      ["compare", file],
      ["estimate", "--plan", `pro${flag}`],
      [`estim${flag}ate`],
      ["estimate", "--plan", "pro", "--format", flag],
      ["estimate", "--plan", "pro", "--name", flag],
    ]);
    return { command, files: [file] };
  },

  signal(m, home) {
    const fifo = join(home, "pipe.json");
    spawnSync("mkfifo", [fifo]);
    const command = m.pick([
      ["estimate", "--file", "-"],
      ["batch", "-", "--format", "jsonl"],
      ["check", "-"],
      ["estimate", "--plan", "pro", "--pricing", fifo],
      ["estimate", fifo],
      ["batch", home],
    ]);
    return {
      command,
      files: [],
      holdStdin: true,
      signal: { name: m.pick(["SIGINT", "SIGTERM"]), after: 50 + m.int(400) },
    };
  },
};

/** A scenario file as people write them: comments, anchors, flow style, CRLF, a BOM; sometimes broken. */
function updateText(m: Mutator): { text: string; format: string } {
  const scenario = m.vary(m.pick(examples));
  const expect = {
    total: "1.00",
    ...(m.next() < 0.5 ? { lines: { package: "1.00" } } : {}),
    ...(m.next() < 0.5 ? { violations: [] } : {}),
  };
  const format = m.pick(["yaml", "yaml", "json", "jsonl"]);
  let text: string;
  if (format === "json") text = toJson({ ...scenario, expect }, m.pick([0, 2, 4]));
  else if (format === "jsonl")
    text = [scenario, { ...scenario, expect }].map((item) => JSON.stringify(item)).join("\n");
  else {
    const body = toYaml({ ...scenario, expect: undefined }).replace(/^expect:.*\n?/m, "");
    const block = m.pick([
      `expect:\n  total: "1.00" # exact\n`,
      `expect: {total: "1.00"}\n`,
      `expect:\n  total: &t "1.00"\n  maxTotal: *t\n`,
      `expect:\n  lines:\n    package: "1.00"\n`,
      "",
      `expect: *nothere\n`,
    ]);
    text = `# a comment\n${body}${block}`;
  }
  if (m.next() < 0.3) text = text.replace(/\n/g, "\r\n");
  if (m.next() < 0.1) text = `\uFEFF${text}`;
  if (m.next() < 0.15) text = m.mutateText(text, format === "yaml" ? "yaml" : "json");
  return { text, format };
}

/** The environment a case runs with: this machine's PATH and HOME, no locale, and the case's own. */
const caseEnv = (env: Record<string, string> | undefined) => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  LANG: "C",
  ...env,
});

/** Worker threads with the built CLI loaded, idle: one for each case running at once, made again after a hang. */
const idleWorkers: Worker[] = [];

/** A case through the built CLI's `run` in a worker thread; a hang (no answer in time) ends the worker. */
function runInWorker({ command, cwd, env }: Omit<TestCase, "index" | "surface">): Promise<RunResult> {
  return new Promise((done) => {
    const worker = idleWorkers.pop() ?? startCliWorker(root);
    const { port1, port2 } = new MessageChannel();
    const end = (result: Omit<RunResult, "endedAfterSignal">, reuse: boolean) => {
      clearTimeout(timer);
      worker.off("error", crashed);
      port1.close();
      if (reuse) idleWorkers.push(worker);
      else void worker.terminate();
      done({ ...result, endedAfterSignal: undefined });
    };
    // Out of memory, or anything else that ends the thread: a crash, as the process would have crashed.
    const crashed = (error: Error) => end({ status: null, stdout: "", stderr: String(error), hung: false }, false);
    const timer = setTimeout(() => end({ status: null, stdout: "", stderr: "", hung: true }, false), TIMEOUT_MS);
    worker.once("error", crashed);
    port1.once("message", (answer: { status: number; stdout: string; stderr: string }) =>
      end({ ...answer, hung: false }, true),
    );
    worker.postMessage({ args: command, input: "", env: caseEnv(env), cwd: cwd ?? root, port: port2 }, [port2]);
  });
}

function runCase(testCase: Omit<TestCase, "index" | "surface">): Promise<RunResult> {
  return spawnEvery || testCase.holdStdin || testCase.signal ? spawnCase(testCase) : runInWorker(testCase);
}

/** A case in a process of its own: the binary, as a shell runs it. */
function spawnCase({ command, cwd, holdStdin, signal, env }: Omit<TestCase, "index" | "surface">): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...command], {
      cwd: cwd ?? root,
      env: caseEnv(env),
      stdio: [holdStdin ? "pipe" : "ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let hung = false;
    let signalled: number | undefined;
    const timer = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    if (signal)
      setTimeout(() => {
        signalled = Date.now();
        child.kill(signal.name);
      }, signal.after);
    child.on("close", (code, killedBy) => {
      clearTimeout(timer);
      done({
        // Killed by the signal itself (it came before Node had started the program): as a shell reports it.
        status: killedBy && killedBy !== "SIGKILL" ? 128 + constants.signals[killedBy] : code,
        stdout,
        stderr,
        hung,
        endedAfterSignal: signalled === undefined ? undefined : Date.now() - signalled,
      });
    });
  });
}

/** What is wrong with an estimate that exited 0, if anything. */
function estimateProblem(printed: any): string | undefined {
  // What `estimate --format json` prints is a report: its kind's schema and arithmetic, as `im-bill render` reads it.
  if (printed.kind !== undefined) {
    try {
      readReport(printed, "stdout");
    } catch (error) {
      return `is not a report im-bill render reads: ${(error as Error).message}`;
    }
  }
  const { kind: _kind, lang: _lang, ...estimate } = printed;
  if (!EstimateSchema.safeParse(estimate).success) return "does not match the estimate schema";
  const lines = estimate.lines.reduce((sum: bigint, line: any) => sum + fen(line.amount), 0n);
  if (lines !== fen(estimate.total)) return `total ${estimate.total} is not the sum of the lines`;
  const subtotals = Object.values<string>(estimate.subtotals).reduce((sum, amount) => sum + fen(amount), 0n);
  if (subtotals !== fen(estimate.total)) return "total is not the sum of the subtotals";
  if (estimate.subtotals.discount === "0.00" && estimate.lines.some((line: any) => fen(line.amount) < 0n))
    return "a negative line without a discount";
  return undefined;
}

/** A batch record is an estimate with its id and source in front. */
const estimateOfRecord = ({ id: _id, source: _source, ...estimate }: any) => estimate;

/** The scenarios of a file's text, with their expect block and pin taken out; undefined when it does not parse. */
function withoutExpect(text: string, format: string): string | undefined {
  const strip = (value: any): any => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    const { expect: _expect, catalog: _catalog, ...rest } = value;
    return rest;
  };
  try {
    const clean = text.replace(/^\uFEFF/, "");
    if (format === "json") return JSON.stringify(strip(JSON.parse(clean)));
    if (format === "jsonl")
      return JSON.stringify(
        clean
          .split(/\r?\n/)
          .filter((line) => line.trim())
          .map((line) => strip(JSON.parse(line))),
      );
    const documents = parseAllDocuments(clean, { uniqueKeys: false });
    if (!Array.isArray(documents) || documents.some((document) => document.errors.length > 0)) return undefined;
    return JSON.stringify(documents.map((document) => strip(document.toJS({ maxAliasCount: 10_000 }))));
  } catch {
    return undefined;
  }
}

/** Whether a markdown text keeps its structure: no HTML, link or image; each table row as wide as its head. */
function markdownProblem(text: string): string | undefined {
  const tokens = markdownIt.parse(text, {});
  const inline = tokens.flatMap((token) => token.children ?? []);
  // A line break inside a table cell is the one tag written on purpose; a stranger's "<br>" is escaped.
  const html = [...tokens, ...inline].filter((token) => token.type.startsWith("html") && token.content !== "<br>");
  if (html.length > 0) return "raw HTML in the markdown";
  if (inline.some((token) => token.type === "link_open" || token.type === "image"))
    return "a link or an image in the markdown";
  let head: number | undefined;
  let cells = 0;
  for (const token of tokens) {
    if (token.type === "tr_open") cells = 0;
    if (token.type === "th_open" || token.type === "td_open") cells++;
    if (token.type === "tr_close") {
      head ??= cells;
      if (cells !== head) return `a table row of ${cells} cells under a head of ${head}`;
    }
    if (token.type === "table_close") head = undefined;
  }
  if (/@[A-Za-z]/.test(markdownIt.render(text).replace(/<[^>]*>/g, ""))) return "a mention in the markdown";
  return undefined;
}

function junitProblem(xml: string, testcases: number | undefined): string | undefined {
  const parser = new SaxesParser({ xmlns: false });
  const errors: string[] = [];
  let seen = 0;
  parser.on("error", (error) => errors.push(error.message));
  parser.on("opentag", (tag) => {
    if (tag.name === "testcase") seen++;
  });
  parser.write(xml).close();
  if (errors.length > 0) return `JUnit is not well-formed: ${errors[0]}`;
  if (seen !== testcases) return `JUnit has ${seen} test cases for ${testcases} scenarios`;
  return undefined;
}

/** What went wrong in a case, if anything. */
async function judge(testCase: TestCase, result: RunResult): Promise<string | undefined> {
  const { command, surface } = testCase;
  if (result.hung) return "hang";
  if (testCase.signal) {
    const expected = testCase.signal.name === "SIGINT" ? 130 : 143;
    // Stdin held open is waited on until the signal; a named pipe is refused at once (exit 2), unless
    // the signal comes first.
    const waits = command.includes("-");
    if (waits && result.endedAfterSignal === undefined) return `exit ${result.status} before the signal`;
    if (result.status !== expected && (waits || result.status !== 2))
      return `exit ${result.status} on ${testCase.signal.name}`;
    if (result.endedAfterSignal !== undefined && result.endedAfterSignal > 2000)
      return `${result.endedAfterSignal} ms to end after ${testCase.signal.name}`;
    return undefined;
  }
  if (result.status === null || ![0, 1, 2].includes(result.status)) return `exit ${result.status}`;
  if (/internal error|\n\s+at /.test(result.stderr)) return "a stack trace or an internal error";
  if (result.status !== 0 && `${result.stdout}${result.stderr}`.trim() === "")
    return `exit ${result.status} without a word`;
  if (
    RAW.test(shown(result.stderr)) ||
    (!command.includes("json") && !command.includes("jsonl") && RAW.test(shown(result.stdout)))
  )
    return "a raw control, BiDi or zero-width character on the terminal";
  if (command[0] === "estimate" && command.includes("json") && result.status === 0 && !command.includes("--usage-csv"))
    return estimateProblem(JSON.parse(result.stdout));
  if (command[0] === "batch" && command.includes("jsonl")) {
    for (const line of result.stdout.split("\n").filter(Boolean)) {
      const record = JSON.parse(line);
      const problem = record.error === undefined ? estimateProblem(estimateOfRecord(record)) : undefined;
      if (problem) return `batch: ${record.id}: ${problem}`;
    }
  }
  if (surface === "usage" && result.status === 0) {
    const bill = JSON.parse(readFileSync(testCase.output!, "utf8"));
    for (const month of bill.months) {
      const problem = estimateProblem(month.estimate);
      if (problem) return `usage ${month.month}: ${problem}`;
    }
    const sum = bill.months.reduce((total: bigint, month: any) => total + fen(month.estimate.total), 0n);
    if (sum !== fen(bill.total)) return "the usage total is not the sum of its months";
  }
  if (surface === "update") {
    const before = testCase.before!;
    const format = testCase.format!;
    const after = readFileSync(testCase.files![0]!, "utf8");
    const [was, is] = [withoutExpect(before, format), withoutExpect(after, format)];
    if (was !== undefined && is === undefined) return "check --update left a file that no longer parses";
    if (was !== undefined && was !== is) return "check --update changed the file outside its expect blocks and pins";
    if (command.includes("--dry-run") && after !== before) return "check --update --dry-run wrote the file";
    // A mutated file may mix endings already: the update must add no bare LF to a file with CRLF.
    const bareLines = (text: string) => text.match(/(?:^|[^\r])\n/g)?.length ?? 0;
    if (/\r\n/.test(before) && bareLines(after) > bareLines(before))
      return "check --update wrote LF lines into a CRLF file";
  }
  if (surface === "pull") return pullProblem(testCase, result, servers, runAgain);
  if (surface === "gitdiff") return gitDiffProblem(testCase, result, runAgain);
  if (surface === "markdown" && result.status !== 2) return markdownProblem(result.stdout);
  if (surface === "junit" && result.status !== 2) return junitProblem(result.stdout, testCase.testcases);
  return undefined;
}

const dir = mkdtempSync(join(tmpdir(), "im-bill-fuzz-"));
const started = Date.now();
const bySurface = new Map<string, { cases: number; codes: Map<string, number>; failures: number }>();
const failures: { index: number; surface: string; command: string[]; problem: string; stderr: string }[] = [];
// How long a run waiting on a read took to end once signalled, in ms.
const endings: number[] = [];
let nextIndex = Number(option("from", 0));
async function worker() {
  while (nextIndex < cases) {
    const testCase = makeCase(nextIndex++, dir);
    const result = await runCase(testCase);
    let problem: string | undefined;
    try {
      problem = await judge(testCase, result);
    } catch (error) {
      problem = `unreadable output: ${(error as Error).message}`;
    }
    const tally = bySurface.get(testCase.surface) ?? { cases: 0, codes: new Map(), failures: 0 };
    bySurface.set(testCase.surface, tally);
    tally.cases++;
    if (result.endedAfterSignal !== undefined) endings.push(result.endedAfterSignal);
    const key = result.hung ? "hang" : String(result.status);
    tally.codes.set(key, (tally.codes.get(key) ?? 0) + 1);
    if (problem) {
      tally.failures++;
      failures.push({
        index: testCase.index,
        surface: testCase.surface,
        command: testCase.command,
        problem,
        stderr: result.stderr.slice(0, 400),
      });
      if (keep) {
        mkdirSync(keep, { recursive: true });
        for (const file of testCase.files ?? [])
          try {
            writeFileSync(join(keep, `case-${testCase.index}-${seed}-${file.split("/").pop()}`), readFileSync(file));
          } catch {
            // a named pipe or a folder: nothing to keep
          }
      }
    }
    rmSync(join(dir, `case-${testCase.index}`), { recursive: true, force: true });
    if (!quiet && (testCase.index + 1) % 100 === 0) process.stderr.write(`\r${testCase.index + 1}/${cases} cases…`);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
for (const idle of idleWorkers) void idle.terminate();
servers.close();
rmSync(dir, { recursive: true, force: true });
if (!quiet) process.stderr.write("\r");

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const codes = new Map<string, number>();
for (const tally of bySurface.values())
  for (const [code, count] of tally.codes) codes.set(code, (codes.get(code) ?? 0) + count);
const histogram = (map: Map<string, number>) =>
  [...map]
    .sort()
    .map(([code, count]) => `exit ${code}: ${count}`)
    .join(", ");
console.log(`fuzz: ${cases} cases, seed ${seed}, ${seconds} s — ${histogram(codes)}`);
console.log(
  `fuzz: ${failures.length} failure${failures.length === 1 ? "" : "s"} (exit 70 or other codes, hangs, stack traces, broken estimates, broken rules of a surface)`,
);
for (const surface of Object.keys(SURFACES)) {
  const tally = bySurface.get(surface);
  if (tally) console.log(`  ${surface}: ${tally.cases} cases, ${tally.failures} failures — ${histogram(tally.codes)}`);
}
if (endings.length > 0) {
  endings.sort((a, b) => a - b);
  const at = (share: number) => endings[Math.min(endings.length - 1, Math.floor(share * endings.length))];
  console.log(
    `  signal: ${endings.length} runs ended after the signal — median ${at(0.5)} ms, 99th percentile ${at(0.99)} ms, slowest ${endings.at(-1)} ms`,
  );
}
for (const failure of failures.slice(0, 20)) {
  console.log(
    `  case ${failure.index} (${failure.surface}): ${failure.problem}: im-bill ${failure.command.map((arg) => arg.replace(dir, "$DIR")).join(" ")}`,
  );
  if (failure.stderr) console.log(`    ${failure.stderr.split("\n")[0]}`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
