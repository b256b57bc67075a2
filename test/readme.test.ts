// The README shows real output: each block after a `readme-output` or `readme-json`
// marker is what its command prints (compared as text, or as parsed JSON).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imBill, imBillOnce, root } from "./helpers/cli.js";
import { COMMAND_NAMES } from "../src/cli/main.js";
import { BATCH_FORMATS, FORMAT_ALIASES, formatsOf } from "../src/render/formats.js";

const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/<!-- readme-(output|json): npx im-bill (.+?) -->\n```\w*\n([\s\S]*?)```/g)].map(
  ([, kind, command, text]) => ({ kind: kind!, args: command!.split(" "), text: text! }),
);

describe("README", () => {
  it("shows output", () => {
    expect(blocks.map((block) => block.kind)).toEqual(["output", "json", "output", "output", "output", "output"]);
  });

  it.each(blocks)("shows what `im-bill $args` prints", ({ kind, args, text }) => {
    const result = imBill(args);
    expect(result.status).toBe(0);
    if (kind === "json") expect(JSON.parse(text)).toEqual(JSON.parse(result.stdout));
    else expect(text).toBe(result.stdout);
  });

  it("installs and tests with the two commands CI runs", () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split("\n");
    expect(quickStart).toEqual(["npm ci", "npm test", "npx im-bill estimate --plan pro --dau 25000"]);
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

  it("is the registry's (render/formats.ts), word for word", () => {
    const kinds = {
      estimate: "estimate",
      compare: "compare",
      forecast: "forecast",
      check: "check",
      diff: "project",
    } as const;
    const aliasesOf = (command: string) => (command === "check" ? ["md", "text"] : ["md"]);
    const line = (command: string, formats: readonly string[]) =>
      `| \`${command}\` | ${formats
        .map((format) => {
          const aliases = aliasesOf(command).filter((alias) => FORMAT_ALIASES[alias] === format);
          return `\`${format}\`${aliases.map((alias) => ` (\`${alias}\`)`).join("")}`;
        })
        .join(", ")} |`;
    const expected = ["estimate", "batch", "compare", "forecast", "check", "diff"].map((command) =>
      line(command, command === "batch" ? BATCH_FORMATS : formatsOf(kinds[command as keyof typeof kinds])),
    );
    expect(table.trim().split("\n")).toEqual(expected);
  });

  it.each(rows)("names what `im-bill $command --help` offers, aliases included", ({ command, formats }) => {
    const help = imBillOnce([command, "--help"], { env: { COLUMNS: "400" } }).stdout;
    const choices =
      /--format <format>.*?\(choices: ([^)]*?)(?:, default: [^)]*)?\)/.exec(help.replace(/\n\s+/g, " "))?.[1] ?? "";
    expect([...choices.matchAll(/"(\w+)"/g)].map((match) => match[1]).sort()).toEqual([...formats].sort());
  });
});

describe("README.zh-CN.md", () => {
  const zh = readFileSync(join(root, "README.zh-CN.md"), "utf8");
  /** The text outside fenced code blocks, and the blocks themselves. */
  const split = (text: string) => {
    const prose: string[] = [];
    const code: string[] = [];
    let block: string[] | undefined;
    for (const line of text.split("\n")) {
      if (line.startsWith("```")) {
        if (block) {
          code.push(block.join("\n"));
          block = undefined;
        } else block = [];
      } else if (block) block.push(line);
      else prose.push(line);
    }
    return { prose, code };
  };
  const slug = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\w\- ]/g, "")
      .replace(/ /g, "-");
  const english = split(readme);
  const chinese = split(zh);

  it("links to the English one, and the English one to it", () => {
    expect(zh).toContain("[English](README.md)");
    expect(readme).toContain("[中文](README.zh-CN.md)");
  });

  it("has the same sections, in the same order, each under the English one's anchor", () => {
    const sections = english.prose.flatMap((line) => {
      const match = /^(#{2,3}) (.+)$/.exec(line);
      return match ? [`${match[1]} ${slug(match[2]!)}`] : [];
    });
    const anchors: string[] = [];
    for (const [index, line] of chinese.prose.entries()) {
      const anchor = /^<a id="([^"]+)"><\/a>$/.exec(line)?.[1];
      if (!anchor) continue;
      const heading = chinese.prose.slice(index + 1).find((next) => next.trim() !== "")!;
      anchors.push(`${/^(#{2,3}) /.exec(heading)![1]} ${anchor}`);
    }
    expect(anchors).toEqual(sections);
  });

  /** Code blocks but those that show output (their markers say what printed them), without comments. */
  const commandBlocks = (text: string) => {
    const output = new Set(
      [...text.matchAll(/<!-- readme-(?:output|json): [^\n]* -->\n```\w*\n([\s\S]*?)```/g)].map(([, body]) => body!),
    );
    return split(text)
      .code.map((block) => `${block}\n`)
      .filter((block) => !output.has(block))
      .map((block) =>
        block
          .split("\n")
          .filter((line) => !/^\s*(#|\/\/) /.test(line))
          .map((line) => line.replace(/\s+(#|\/\/) .*$/, ""))
          .join("\n"),
      );
  };

  it("shows the same commands, in the same order, its comments in Chinese", () => {
    expect(commandBlocks(zh)).toEqual(commandBlocks(readme));
    const comments = chinese.code.flatMap((block) =>
      [...block.matchAll(/(?:^|\s)(?:#|\/\/) (.*)$/gm)].map(([, comment]) => comment!),
    );
    expect(comments.length).toBeGreaterThan(40);
    // No English sentence: three English words in a row (paths, ids and code aside).
    expect(comments.filter((comment) => /\b[a-z]{3,} [a-z]{2,} [a-z]{3,}\b/i.test(comment))).toEqual([]);
  });

  const zhBlocks = [...zh.matchAll(/<!-- readme-(output|json): npx im-bill (.+?) -->\n```\w*\n([\s\S]*?)```/g)].map(
    ([, kind, command, text]) => ({ kind: kind!, args: command!.split(" "), text: text! }),
  );

  it("shows the same output as the English one, each block as im-bill prints it in Chinese", () => {
    expect(zhBlocks.map((block) => block.args.join(" "))).toEqual(blocks.map((block) => block.args.join(" ")));
  });

  it.each(zhBlocks)("shows what `im-bill $args --lang zh` prints", ({ kind, args, text }) => {
    const result = imBill([...args, "--lang", "zh"]);
    expect(result.status).toBe(0);
    if (kind === "json") expect(JSON.parse(text)).toEqual(JSON.parse(result.stdout));
    else expect(text).toBe(result.stdout);
  });

  // Every im-bill command either README shows: a command that exists, with flags it has.
  const commandLines = [
    ...new Set(
      english.code
        .join("\n")
        .split("\n")
        // each command of a line: `a && b` and `a | b` are two, the second not ours when it is not im-bill
        .flatMap((line) => line.split(/\s+(?:&&|\|)\s+/))
        .map((line) => line.replace(/^.*?\b(?:npx )?im-bill /, "im-bill ").replace(/\s+#.*$/, ""))
        .filter((line) => /^im-bill [a-z]/.test(line)),
    ),
  ];
  const known = COMMAND_NAMES;
  it.each(commandLines)("runs: %s", (line) => {
    const words = line.split(/\s+/).slice(1);
    const command = words[0]!;
    expect(known, line).toContain(command);
    const path = command === "usage" ? ["usage", "pull"] : [command];
    const help = imBillOnce([...path, "--help"], { env: { COLUMNS: "400" } }).stdout;
    for (const flag of line.match(/(?<=\s)--?[a-z][a-z-]*/g) ?? []) {
      if (["-", "--"].includes(flag)) continue;
      expect(`${help} --help --lang --no-color --no-config --debug`, `${line}: ${flag}`).toContain(flag);
    }
  });
});
