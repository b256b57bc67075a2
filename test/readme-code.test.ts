// Every TypeScript block of both READMEs compiles against the package's own types and
// runs, as an ES module and as CommonJS, in a project of its own that depends on this
// package: what a reader copies works. A line whose comment shows a value (`bill.total;
// // "5499.00"`) asserts that value; a line whose comment names an error (`// InputError:
// …`) must throw it. The names a block uses without defining them (`scenario`, `text`)
// are given as a reader's code would have them.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./helpers/cli.js";

/** The ```ts blocks of a README, with the line each starts on. */
function codeBlocks(file: string): { line: number; code: string }[] {
  const text = readFileSync(join(root, file), "utf8");
  const blocks: { line: number; code: string }[] = [];
  const lines = text.split("\n");
  for (let at = 0; at < lines.length; at++) {
    if (!/^```(ts|typescript|js|javascript)$/.test(lines[at]!)) continue;
    const start = at + 1;
    while (at + 1 < lines.length && lines[++at] !== "```");
    blocks.push({ line: start + 1, code: lines.slice(start, at).join("\n") });
  }
  return blocks;
}

/** What a block uses without defining it, as a reader's program would have it. */
const GIVEN: Record<string, string> = {
  scenario: 'const scenario: import("im-bill").ScenarioInput = { plan: "pro", usage: { peakDau: 20_001 } };',
  text: 'const text = \'{"plan": "pro", "usage": {"peakDau": 25000}}\';',
};

/** The literal a comment starts with (a string, a number, an object or a list), or undefined. */
function literalOf(comment: string): string | undefined {
  const trimmed = comment.trim();
  const string = /^"(?:[^"\\]|\\.)*"/.exec(trimmed);
  if (string) return string[0];
  if (/^-?\d/.test(trimmed)) return /^-?[\d.]+/.exec(trimmed)![0];
  const open = trimmed[0];
  if (open !== "{" && open !== "[") return undefined;
  const close = open === "{" ? "}" : "]";
  let depth = 0;
  for (let at = 0; at < trimmed.length; at++) {
    if (trimmed[at] === open) depth++;
    if (trimmed[at] === close && --depth === 0) return trimmed.slice(0, at + 1);
  }
  return undefined;
}

/** A block as a program: imports kept, each checked line turned into its check. */
function program(code: string, kind: "esm" | "cjs"): string {
  const body: string[] = [];
  const imports: string[] = [];
  for (const line of code.split("\n")) {
    if (/^import .* from "im-bill";$/.test(line)) {
      imports.push(
        kind === "esm" ? line : line.replace(/^import (\{.*\}) from "im-bill";$/, 'const $1 = require("im-bill");'),
      );
      continue;
    }
    const checked = /^(.*?);\s*\/\/\s*(.*)$/.exec(line);
    if (!checked || /^(const|let|import)\b/.test(checked[1]!)) {
      body.push(line);
      continue;
    }
    const [, expression, comment] = checked as unknown as [string, string, string];
    const error = /^(\w*Error)\b/.exec(comment)?.[1];
    const literal = literalOf(comment);
    if (error) body.push(`throwsError(() => ${expression}, ${JSON.stringify(error)});`);
    // A value with "…" in it is a shape, not a value: only run.
    else if (literal !== undefined && !literal.includes("…")) body.push(`same(${expression}, ${literal});`);
    else body.push(`${expression};`);
  }
  const given = Object.entries(GIVEN)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !new RegExp(`\\b(const|let) ${name}\\b`).test(code))
    .map(([, declaration]) => declaration);
  const helpers = [
    'import { deepStrictEqual } from "node:assert";'.replace(
      /^import \{ (\w+) \} from "node:assert";$/,
      kind === "esm" ? "$&" : 'const { $1 } = require("node:assert");',
    ),
    "const same = (actual: unknown, expected: unknown) => deepStrictEqual(actual, expected);",
    "const throwsError = (run: () => unknown, name: string) => {",
    "  try { run(); } catch (error) { if ((error as Error).name === name) return; throw error; }",
    "  throw new Error(`expected ${name}`);",
    "};",
  ];
  const main = [...given, ...body].join("\n");
  return kind === "esm"
    ? [...imports, ...helpers, main, "export {};"].join("\n")
    : [
        ...imports,
        ...helpers,
        `(async () => {\n${main}\n})().catch((error) => { console.error(error); process.exit(1); });`,
      ].join("\n");
}

const blocks = [
  ...codeBlocks("README.md").map((block) => ({ ...block, file: "README.md" })),
  ...codeBlocks("README.zh-CN.md").map((block) => ({ ...block, file: "README.zh-CN.md" })),
];
let project: string;

beforeAll(() => {
  // A project that depends on this package (as a link: its package.json, exports and dist/).
  project = mkdtempSync(join(tmpdir(), "im-bill-readme-"));
  mkdirSync(join(project, "node_modules", "@types"), { recursive: true });
  symlinkSync(root, join(project, "node_modules", "im-bill"));
  symlinkSync(join(root, "node_modules", "@types", "node"), join(project, "node_modules", "@types", "node"));
  cpSync(join(root, "catalogs"), join(project, "catalogs"), { recursive: true });
  writeFileSync(join(project, "package.json"), '{ "name": "reader", "private": true }\n');
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "nodenext", target: "es2022", strict: true, outDir: "out", types: ["node"] },
      include: ["*.mts", "*.cts"],
    }),
  );
  blocks.forEach((block, index) => {
    writeFileSync(join(project, `block-${index}.mts`), program(block.code, "esm"));
    writeFileSync(join(project, `block-${index}.cts`), program(block.code, "cjs"));
  });
  const tsc = spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], {
    encoding: "utf8",
  });
  // Each block's errors are asserted below, by its name: kept here for them.
  writeFileSync(join(project, "tsc.log"), tsc.stdout + tsc.stderr);
}, 60_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the READMEs' TypeScript", () => {
  it("has blocks in both READMEs, as many in each", () => {
    const english = blocks.filter((block) => block.file === "README.md").length;
    expect(english).toBeGreaterThanOrEqual(4);
    expect(blocks.length).toBe(english * 2);
  });

  describe.each(blocks.map((block, index) => ({ ...block, index })))("$file, the block at line $line", ({ index }) => {
    it.each(["mts", "cts"] as const)("compiles and runs as .%s", (extension) => {
      const errors = readFileSync(join(project, "tsc.log"), "utf8")
        .split("\n")
        .filter((line) => line.startsWith(`block-${index}.${extension}`));
      expect(errors).toEqual([]);
      const out = join(project, "out", `block-${index}.${extension === "mts" ? "mjs" : "cjs"}`);
      const run = spawnSync(process.execPath, [out], { cwd: project, encoding: "utf8", timeout: 20_000 });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    });
  });
});
