// The README shows real output: each block after a `readme-output` or `readme-json`
// marker is what its command prints (compared as text, or as parsed JSON).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imBill, root } from "./helpers/cli.js";

const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/<!-- readme-(output|json): npx im-bill (.+?) -->\n```\w*\n([\s\S]*?)```/g)].map(
  ([, kind, command, text]) => ({ kind: kind!, args: command!.split(" "), text: text! }),
);

describe("README", () => {
  it("shows output", () => {
    expect(blocks.map((block) => block.kind)).toEqual(["output", "json", "output", "output", "output"]);
  });

  it.each(blocks)("shows what `im-bill $args` prints", ({ kind, args, text }) => {
    const result = imBill(args);
    expect(result.status).toBe(0);
    if (kind === "json") expect(JSON.parse(text)).toEqual(JSON.parse(result.stdout));
    else expect(text).toBe(result.stdout);
  });

  it("installs and tests with the two commands CI runs", () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split("\n");
    expect(quickStart).toEqual(["npm ci && npm run build", "npm test", "npx im-bill estimate --plan pro --dau 25000"]);
  });
});

describe("README's formats", () => {
  const table = /<!-- formats -->\n\| command \| `--format` \|\n\|---\|---\|\n((?:\|.*\|\n)+)/.exec(readme)?.[1] ?? "";
  const rows = table
    .trim()
    .split("\n")
    .map((line) => {
      const [, command, formats] = /^\| `(\w+)` \| (.*) \|$/.exec(line)!;
      return { command: command!, formats: [...formats!.matchAll(/`(\w+)`/g)].map((match) => match[1]!) };
    });

  it("lists every pricing command", () => {
    expect(rows.map((row) => row.command)).toEqual(["estimate", "batch", "compare", "forecast", "check", "diff"]);
  });

  it.each(rows)("names what `im-bill $command --help` offers, aliases included", ({ command, formats }) => {
    const help = imBill([command, "--help"], { env: { COLUMNS: "400" } }).stdout;
    const choices =
      /--format <format>.*?\(choices: ([^)]*?)(?:, default: [^)]*)?\)/.exec(help.replace(/\n\s+/g, " "))?.[1] ?? "";
    expect([...choices.matchAll(/"(\w+)"/g)].map((match) => match[1]).sort()).toEqual([...formats].sort());
  });
});
