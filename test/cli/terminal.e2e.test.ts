// The built binary with stderr on a real terminal (tmux) and stdout on one or in a file:
// stderr is known for a terminal without Node's stream for it being made
// (src/cli/process-io.ts), and is still written, coloured, when there is something to say.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { needs } from "../helpers/programs.js";
import { tmuxServer } from "../helpers/tmux.js";

const terminals = tmuxServer();
afterAll(() => terminals.close());

const tmux = needs("im-bill with stderr on a terminal", "tmux");
describe.skipIf(tmux.skip)(tmux.title, () => {
  it("says an error on the terminal in red, and exits 2", async () => {
    const term = terminals.session("error", fixtureDir({}), `${process.execPath} ${bin} estimate --plan pro --dau -5`);
    await term.waitFor("EXIT=2");
    expect(term.screen()).toContain("error: --dau: must be a whole number ≥ 0, got -5");
    // The pane with its colours: the word is red (SGR 31), what follows is not.
    expect(term.colouredScreen()).toMatch(/\x1b\[31merror:\x1b\[39m --dau: must be/);
  });

  it("writes a JSON estimate to a file and nothing on the terminal, coloured or not", async () => {
    const cwd = fixtureDir({});
    const term = terminals.session(
      "json",
      cwd,
      `${process.execPath} ${bin} estimate --plan pro --dau 25000 --format json > out.json`,
    );
    await term.waitFor("EXIT=0");
    expect(term.screen().trim().split("\n")[0]).toBe("EXIT=0");
    expect(JSON.parse(readFileSync(join(cwd, "out.json"), "utf8"))).toMatchObject({
      kind: "estimate",
      total: "3499.00",
    });
  });
});
