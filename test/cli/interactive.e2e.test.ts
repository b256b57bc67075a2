// The guided estimate in a real pseudo-terminal (test/helpers/tmux.ts) running the built binary.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { bin, imBill } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";
import { tmuxServer } from "../helpers/tmux.js";
import { needs } from "../helpers/programs.js";

const terminals = tmuxServer();
afterAll(() => terminals.close());
const session = terminals.session;

const tmux = needs("im-bill in a terminal", "tmux");
describe.skipIf(tmux.skip)(tmux.title, () => {
  it("asks, shows the total, saves a scenario that re-prices to the same total", async () => {
    const cwd = fixtureDir({});
    const term = session("guided", cwd, `${process.execPath} ${bin}`);
    // No flag or setting chose a site: asked first, the mainland the default.
    await term.waitFor("? Site");
    expect(term.screen()).toContain("International (tencentcloud.com, USD)");
    term.keys("Enter");
    await term.waitFor("? Edition");
    term.keys("Enter"); // Pro
    await term.waitFor("? Peak DAU of the month");
    term.keys("25k", "Enter");
    for (const question of [
      "Peak number of groups",
      "Live groups",
      "Members the largest group",
      "Groups one user",
      "Message history",
      "Buy the security strike",
      "Daily peak danmaku bandwidth in mainland",
      "Daily peak danmaku bandwidth outside",
    ]) {
      await term.waitFor(`? ${question}`);
      term.keys("Enter");
    }
    await term.waitFor("Your answers:");
    await term.waitFor("? Save this scenario as a JSON file?");
    term.keys("y", "Enter");
    await term.waitFor("? File");
    term.keys("Enter");
    await term.waitFor("? Price the same needs on the other editions?");
    term.keys("y", "Enter");
    await term.waitFor("EXIT=0");
    const screen = term.screen();
    expect(screen).toMatch(/Total\s+│\s+¥3,499\.00 │/);
    expect(screen).toContain("Saved im-bill-scenario.json");
    expect(screen).toContain("Recommendation: Pro fits for ¥3,499.00");
    const saved = join(cwd, "im-bill-scenario.json");
    expect(JSON.parse(readFileSync(saved, "utf8")).plan).toBe("pro");
    expect(JSON.parse(imBill(["estimate", "--file", saved, "--format", "json"]).stdout).total).toBe("3499.00");
  });

  it("on the international site, asks monthly active users, not DAU, and prices in USD", async () => {
    const cwd = fixtureDir({});
    const term = session("intl", cwd, `${process.execPath} ${bin} estimate -i --on 2025-06-01`);
    await term.waitFor("? Site");
    term.keys("Down", "Enter");
    await term.waitFor("? Edition");
    expect(term.screen()).toContain("Standard (标准版) — $399.00/month");
    term.keys("Enter"); // Standard
    await term.waitFor("? Monthly active users");
    term.keys("25000", "Enter");
    for (const question of ["Peak number of groups", "Live groups", "Members the largest group", "Groups one user"]) {
      await term.waitFor(`? ${question}`);
      term.keys("Enter");
    }
    await term.waitFor("? Save this scenario as a JSON file?");
    const screen = term.screen();
    expect(screen).not.toContain("Peak DAU");
    expect(screen).not.toContain("community");
    // Standard has no community groups, and no history tiers to choose: neither is asked.
    expect(screen).not.toContain("? Message history");
    // Marked † : its price is carried over from an earlier list.
    expect(screen).toMatch(/Peak MAU overage †\s+│\s+15,000 × \$0\.015\/user\s+│.*│\s+\$225\.00 │/);
    expect(screen).toMatch(/Total\s+│\s+\$624\.00 │/);
    term.keys("Enter");
    await term.waitFor("? Price the same");
    term.keys("Enter");
    await term.waitFor("EXIT=0");
  });

  it("takes flags as answers with estimate -i", async () => {
    const cwd = fixtureDir({});
    const term = session(
      "prefilled",
      cwd,
      `${process.execPath} ${bin} estimate -i --plan flagship --dau 30000 --groups 0 --live-groups 0 --group-member-limit 0 --groups-per-user 0 --history-days 0 --no-security-strike --bandwidth-mainland 0 --bandwidth-intl 0`,
    );
    await term.waitFor("? Save this scenario as a JSON file?");
    expect(term.screen()).not.toContain("? Edition");
    term.keys("Enter");
    await term.waitFor("? Price the same");
    term.keys("Enter");
    await term.waitFor("EXIT=0");
    expect(term.screen()).toMatch(/Total\s+│\s+¥4,999\.00 │/);
  });

  it.each([
    ["--format json", (cwd: string, screen: string) => expect(screen).toContain('"total": "3499.00"')],
    [
      "-o bill.json",
      (cwd: string, screen: string) => {
        expect(JSON.parse(readFileSync(join(cwd, "bill.json"), "utf8")).total).toBe("3499.00");
        expect(screen).not.toContain("Total");
      },
    ],
  ])("honours %s after the questions, and offers no table of the other editions", async (flags, check) => {
    const cwd = fixtureDir({});
    const term = session(
      `as-${flags.replace(/\W/g, "")}`,
      cwd,
      `${process.execPath} ${bin} estimate -i --plan pro --dau 25k --groups 0 --live-groups 0 --group-member-limit 0 --groups-per-user 0 --history-days 0 --no-security-strike --bandwidth-mainland 0 --bandwidth-intl 0 ${flags}`,
    );
    await term.waitFor("? Save this scenario as a JSON file?");
    term.keys("Enter");
    await term.waitFor("EXIT=0");
    const screen = term.screen();
    expect(screen).not.toContain("Price the same needs");
    check(cwd, screen);
  });

  it("speaks Chinese under LANG=zh_CN.UTF-8: hints, yes and no", async () => {
    const cwd = fixtureDir({});
    const term = session("zh", cwd, `LANG=zh_CN.UTF-8 ${process.execPath} ${bin}`);
    await term.waitFor("? 站点");
    term.keys("Enter");
    await term.waitFor("? 版本");
    expect(term.screen()).toContain("↑↓ 移动 • ⏎ 选择");
    term.keys("Enter");
    for (let i = 0; i < 6; i++) {
      await new Promise((done) => setTimeout(done, 100));
      term.keys("Enter");
    }
    await term.waitFor("（是/否，默认否）");
    term.keys("是", "Enter");
    for (let i = 0; i < 2; i++) {
      await new Promise((done) => setTimeout(done, 100));
      term.keys("Enter");
    }
    await term.waitFor("将此场景保存为 JSON 文件？");
    term.keys("否", "Enter");
    await term.waitFor("按相同需求为其他版本计价？");
    term.keys("Enter");
    await term.waitFor("EXIT=0");
    const screen = term.screen();
    expect(screen).toMatch(/购买安全打击服务（¥1,000\.00\/月）？ 是/);
    expect(screen).toMatch(/安全打击服务 †\s+│\s+1 × ¥1,000\.00\/月/);
  });

  it("exits 130 on Ctrl-C with one short line and nothing written", async () => {
    const cwd = fixtureDir({});
    const term = session("cancelled", cwd, `${process.execPath} ${bin}`);
    await term.waitFor("? Site");
    term.keys("Enter");
    await term.waitFor("? Edition");
    term.keys("Enter");
    await term.waitFor("? Peak DAU");
    term.keys("C-c");
    await term.waitFor("EXIT=130");
    const screen = term.screen();
    expect(screen).toContain("Cancelled: nothing was written.");
    expect(screen).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("im-bill without a terminal", () => {
  it.each([
    ["</dev/null", ""],
    ["echo |", "\n"],
  ])("exits 2 with help, promptly (%s im-bill)", (_, input) => {
    const start = Date.now();
    const result = spawnSync(process.execPath, [bin], { input, encoding: "utf8", timeout: 10_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: im-bill");
    expect(Date.now() - start).toBeLessThan(5_000);
  });

  it("refuses estimate -i in a pipe instead of waiting", () => {
    const result = imBill(["estimate", "-i"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: --interactive needs a terminal: in a script, give flags or --file\n");
  });
});
