// `im-bill completion`: each shell's script, printed by the built binary, loaded into
// the real shell and asked what it offers. bash through COMP_WORDS/COMPREPLY, fish
// through `complete -C`, zsh typed into a terminal (tmux). `.ci/run` installs the shells.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinCatalogIds, builtinCatalogs, editionsOf } from "../../src/catalog/index.js";

/** The editions of every built-in list: a scenario may pin any of them. */
const editionIds = [...new Set(builtinCatalogs().flatMap(editionsOf))];
import { SCHEMA_KINDS } from "../../src/json-schema/kinds.js";
import { SHELLS } from "../../src/cli/completion/scripts.js";
import { imBillOnce } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { tmuxServer } from "../helpers/tmux.js";
import { needs } from "../helpers/programs.js";

const dir = fixtureDir({ "app one.json": "{}", "app-two.yaml": "plan: pro\n", "scenarios/a.json": "{}" });
const scriptFile = (shell: string, lang = "en") => {
  const result = imBillOnce(["completion", shell, "--lang", lang]);
  expect(result.status, result.stderr).toBe(0);
  const file = join(dir, `completion-${lang}.${shell}`);
  writeFileSync(file, result.stdout);
  return file;
};

/** What bash's completion offers for the words typed (the last one is under the cursor). */
function bashOffers(...words: string[]): string[] {
  const script = `source ${JSON.stringify(scriptFile("bash"))}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(" ")}); COMP_CWORD=${words.length - 1}
_im_bill; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync("bash", ["--norc", "-c", script], { cwd: dir, encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter(Boolean).sort();
}

/** The options `im-bill <command> --help` lists: what completion must offer after `--`. */
function helpOptions(command: string): string[] {
  const help = imBillOnce([command, "--help"]).stdout;
  const options = help.slice(
    help.indexOf("Options:"),
    help.indexOf("Examples:") >= 0 ? help.indexOf("Examples:") : undefined,
  );
  return [...options.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)]
    .map(([, short, long]) => [short, long])
    .flat()
    .filter((x): x is string => !!x);
}

describe("bash", () => {
  it.each([
    [["im-bill", "es"], ["estimate"]],
    [
      ["im-bill", "comp"],
      ["compare", "completion"],
    ],
    [["im-bill", "--debug", "ch"], ["check"]],
    [["im-bill", "estimate", "--plan", ""], [...editionIds]],
    [["im-bill", "estimate", "--plan", "=", ""], [...editionIds]],
    // the editions of every list: the mainland's flagship, the international original mode's free
    [
      ["im-bill", "forecast", "-p", "f"],
      ["flagship", "free"],
    ],
    [["im-bill", "estimate", "--catalog", ""], builtinCatalogIds()],
    [
      ["im-bill", "estimate", "--format", ""],
      ["csv", "html", "json", "markdown", "md", "table"],
    ],
    [
      ["im-bill", "batch", "--format", "j"],
      ["json", "jsonl"],
    ],
    [
      ["im-bill", "estimate", "--addon", ""],
      ["contentFiltering", "securityStrike"],
    ],
    [["im-bill", "schema", ""], [...SCHEMA_KINDS]],
    [["im-bill", "completion", ""], [...SHELLS]],
    [["im-bill", "catalogs", "--diff", "tencent-im-cn-2020", "tencent"], builtinCatalogIds()],
    [["im-bill", "estimate", "--dau", ""], []],
    [["im-bill", "prices", ""], []],
    [["im-bill", "batch", "--fo"], ["--format"]],
  ])("%j offers %j", (words, offered) => {
    expect(bashOffers(...words)).toEqual([...offered].sort());
  });

  it("offers file paths where a file is expected, spaces and all", () => {
    expect(bashOffers("im-bill", "estimate", "--file", "app")).toEqual(["app one.json", "app-two.yaml"]);
    expect(bashOffers("im-bill", "estimate", "app")).toEqual(["app one.json", "app-two.yaml"]);
    expect(bashOffers("im-bill", "batch", "sc")).toEqual(["scenarios"]);
    expect(bashOffers("im-bill", "diff", "app-two.yaml", "app-")).toEqual(["app-two.yaml"]);
    expect(bashOffers("im-bill", "estimate", "--pricing", "app-")).toEqual(["app-two.yaml"]);
  });

  it("offers a file name whole whatever it holds: a newline, brackets, a star", () => {
    const odd = fixtureDir({ "odd\nname.json": "{}", "b[1].json": "{}", "c*.json": "{}", "b1.json": "{}" });
    const script = `source ${JSON.stringify(scriptFile("bash"))}
COMP_WORDS=(im-bill estimate ''); COMP_CWORD=2
_im_bill; printf '%s\\0' "\${COMPREPLY[@]}"`;
    const result = spawnSync("bash", ["--norc", "-c", script], { cwd: odd, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\0").filter(Boolean).sort()).toEqual([
      "b1.json",
      "b[1].json",
      "c*.json",
      "odd\nname.json",
    ]);
  });

  it.each(["estimate", "batch", "compare", "forecast", "check", "diff", "prices", "catalogs", "schema", "completion"])(
    "offers every option of `im-bill %s --help`",
    (command) => {
      const offered = bashOffers("im-bill", command, "-");
      expect(helpOptions(command)).toEqual(expect.arrayContaining(["-h", "--help"]));
      expect(offered).toEqual(expect.arrayContaining(helpOptions(command)));
      expect(offered).toEqual(expect.arrayContaining(["--debug", "--no-color", "--no-config"]));
    },
  );
});

const fish = needs("fish", "fish");
describe.skipIf(fish.skip)(fish.title, () => {
  const offers = (line: string, lang = "en") => {
    const result = spawnSync(
      "fish",
      ["--no-config", "-c", `source ${scriptFile("fish", lang)}; complete -C ${JSON.stringify(line)}`],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    expect(result.stderr).toBe("");
    return result.stdout.split("\n").filter(Boolean);
  };

  it("completes commands with their descriptions, values and files", () => {
    expect(offers("im-bill es")).toEqual([expect.stringMatching(/^estimate\testimate the monthly bill/)]);
    expect(
      offers("im-bill estimate --plan ")
        .map((line) => line.split("\t")[0])
        .sort(),
    ).toEqual([...editionIds].sort());
    expect(offers("im-bill schema ").sort()).toEqual([...SCHEMA_KINDS].sort());
    expect(offers("im-bill estimate --file app").sort()).toEqual(["app one.json", "app-two.yaml"]);
    expect(offers("im-bill estimate --dau ")).toEqual([]);
  });

  it("describes in Chinese what a Chinese user asked for", () => {
    expect(offers("im-bill es", "zh")).toEqual([expect.stringMatching(/^estimate\t估算/)]);
  });
});

const zsh = needs("zsh", "zsh", "tmux");
describe.skipIf(zsh.skip)(zsh.title, () => {
  const terminals = tmuxServer();
  afterAll(() => terminals.close());

  it("completes a command, an option, its values and a file, in a terminal", async () => {
    const term = terminals.session("zsh", dir, "zsh -f");
    term.keys(
      `PS1='> ' && autoload -U compinit && compinit -u && source ${scriptFile("zsh")} && echo RE""ADY`,
      "Enter",
    );
    await term.waitFor("\nREADY");
    term.keys("im-bill es", "Tab");
    await term.waitFor("> im-bill estimate");
    term.keys("-l", "--", "--pl");
    term.keys("Tab");
    await term.waitFor("> im-bill estimate --plan");
    term.keys("Tab");
    // Every list's editions, the mainland's and the international site's.
    await term.waitFor(/developer\s/);
    await term.waitFor(/flagship\s/);
    await term.waitFor(/premium\s/);
    term.keys("C-u", "im-bill estimate --file app-", "Tab");
    await term.waitFor("--file app-two.yaml");
    term.keys("C-u", "im-bill completion ", "Tab");
    await term.waitFor(/bash\s+fish\s+zsh/);
  });
});
