// The project config through the built CLI: found from the current directory upward,
// its settings standing for flags that flags override, named in the footer and the JSON,
// validated like every input, ignored with --no-config.
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imBill, notesBesidesStale, runBuilt } from "../helpers/cli.js";
import { fixtureDir } from "../helpers/fixtures.js";

const overlay = 'extends: tencent-im-cn-2024\neditions:\n  pro:\n    packageFee: { price: "1299.00" }\n';

/** A project (a git repository) with a config at its root, a price list beside it, and a folder two levels down. */
function project(config: Record<string, string>): { root: string; deep: string } {
  const root = fixtureDir({ ".git/HEAD": "ref: refs/heads/main\n", "prices/acme.yaml": overlay, ...config });
  const deep = join(root, "apps", "chat");
  mkdirSync(deep, { recursive: true });
  return { root, deep };
}

const json = (result: { stdout: string }) => JSON.parse(result.stdout);
const estimate = ["estimate", "--plan", "pro", "--dau", "25000"];

describe("the project config", () => {
  it.each([
    ["im-bill.config.yaml", "# our deal\npricing: prices/acme.yaml\ndiscount: 15%\n"],
    ["im-bill.config.yml", "pricing: prices/acme.yaml\ndiscount: 15\n"],
    ["im-bill.config.json", '{"pricing": "prices/acme.yaml", "discount": "15%"}'],
    ["package.json", '{"name": "app", "im-bill": {"pricing": "prices/acme.yaml", "discount": "15%"}}'],
  ])("is found from a folder below %s; its pricing is relative to it", (file, text) => {
    const { deep } = project({ [file]: text });
    const result = runBuilt([...estimate, "--format", "json"], { cwd: deep });
    expect(result.status).toBe(0);
    const bill = json(result);
    // 1,299 − 15% of it + 2 × 1,000 DAU
    expect(bill.total).toBe("3104.15");
    expect(bill.catalog.id).toBe("tencent-im-cn-2024+acme");
    expect(bill.pricing).toMatchObject({
      chosenBy: "config",
      config: { file: join("..", "..", file), settings: ["discount", "pricing"] },
      discount: { percent: "15", from: "config" },
      overlays: [{ file: join("..", "..", "prices", "acme.yaml"), extends: "tencent-im-cn-2024" }],
    });
  });

  it("is named under the table, in the language it sets", () => {
    const { deep } = project({ "im-bill.config.yaml": "pricing: prices/acme.yaml\nlang: zh\n" });
    const result = runBuilt(estimate, { cwd: deep });
    expect(result.stdout).toContain("专业版套餐包");
    expect(result.stdout).toMatch(/\n项目配置 \.\.\/\.\.\/im-bill\.config\.yaml：lang、pricing\n/);
    expect(result.stdout.replace(/\n {2}/g, " ")).toMatch(
      /价格表：tencent-im-cn-2024\+acme 2024\.2\+[0-9a-f]{8}（CNY），由 \.\.\/\.\.\/im-bill\.config\.yaml 选用/,
    );
  });

  it("gives way to flags: --discount, --lang, and --catalog or --pricing over its pricing", () => {
    const { deep } = project({ "im-bill.config.yaml": "pricing: prices/acme.yaml\ndiscount: 15%\nlang: zh\n" });
    const bill = json(
      runBuilt(
        [...estimate, "--discount", "0", "--catalog", "tencent-im-cn-2020", "--lang", "en", "--format", "json"],
        {
          cwd: deep,
        },
      ),
    );
    expect(bill.total).toBe("2999.00");
    expect(bill.catalog.id).toBe("tencent-im-cn-2020");
    expect(bill.lines[0].label).toBe("Pro package (专业版)");
    expect(bill.pricing.config).toBeNull(); // nothing of it was used
    // ... and what it would have set is named, never dropped silently.
    expect(notesBesidesStale(bill.notes as { code: string; message: string }[]).map((note) => note.message)).toEqual([
      "--catalog replaces the pricing of ../../im-bill.config.yaml",
      "--discount replaces the discount of ../../im-bill.config.yaml",
      "tencent-im-cn-2020 ended on 2023-12-31: Pro costs ¥1,499.00/month since 2024-01-01 (--catalog tencent-im-cn-2024)",
    ]);
  });

  it("loses to a scenario's pin, and says so; chooses the list where the scenario pins none", () => {
    const { root: cwd } = project({
      "im-bill.config.yaml": "catalog: tencent-im-cn-2020\n",
      "pinned.json": '{"plan": "pro", "catalog": "tencent-im-cn-2024"}',
      "free.json": '{"plan": "pro"}',
    });
    const pinned = json(runBuilt(["estimate", "pinned.json", "--format", "json"], { cwd }));
    expect(pinned).toMatchObject({ total: "1499.00", pricing: { chosenBy: "pin", config: null } });
    expect(notesBesidesStale(pinned.notes)).toEqual([
      {
        code: "pricing.config-not-used",
        message:
          "The catalog of im-bill.config.yaml (tencent-im-cn-2020) is not used: the scenario pins tencent-im-cn-2024",
      },
    ]);
    const free = json(runBuilt(["estimate", "free.json", "--format", "json"], { cwd }));
    expect(free).toMatchObject({
      total: "999.00",
      pricing: { chosenBy: "config", config: { file: "im-bill.config.yaml", settings: ["catalog"] } },
    });
    expect(notesBesidesStale(free.notes).map((note: { code: string }) => note.code)).toEqual(["catalog.superseded"]);
  });

  it("is ignored with --no-config, before or after the command", () => {
    const { deep } = project({ "im-bill.config.yaml": "discount: 15%\n" });
    for (const args of [
      ["--no-config", ...estimate],
      [...estimate, "--no-config"],
    ]) {
      const bill = json(runBuilt([...args, "--format", "json"], { cwd: deep }));
      expect(bill.total).toBe("3499.00");
      expect(bill.pricing).toMatchObject({ config: null, discount: null });
    }
  });

  it("reaches every command that prices: compare, batch, forecast, check", () => {
    const { root } = project({ "im-bill.config.yaml": "discount: 50%\n", "app.json": '{"plan": "pro"}' });
    const cwd = root;
    // Half of today's Pro package, ¥1,499.00.
    expect(json(runBuilt(["compare", "app.json", "--format", "json"], { cwd })).editions.pro.total).toBe("749.50");
    expect(json(runBuilt(["batch", "app.json", "--format", "json"], { cwd })).results[0].total).toBe("749.50");
    expect(
      json(runBuilt(["forecast", "app.json", "--months", "1", "--format", "json"], { cwd })).months[0].estimate.pricing
        .config,
    ).toEqual({ file: "im-bill.config.yaml", settings: ["discount"] });
    const check = runBuilt(["check", "app.json"], { cwd }).stdout;
    expect(check).toContain("¥749.50");
    // Every output names it: the discount a pull-request comment is built from comes from here.
    expect(check).toContain("Settings from im-bill.config.yaml: discount\nDiscount: 50% (im-bill.config.yaml)");
    expect(runBuilt(["batch", "app.json", "--format", "markdown"], { cwd }).stdout).toContain(
      "Settings from im-bill.config.yaml: discount; Discount: 50% (im-bill.config.yaml)",
    );
    expect(runBuilt(["compare", "app.json"], { cwd }).stdout).toContain("Discount: 50% (im-bill.config.yaml)");
    expect(runBuilt(["check", "app.json", "--format", "junit"], { cwd }).stdout).toContain(
      '<property name="im-bill.discount" value="50%"/>',
    );
  });

  it("prices both sides of a diff with the config's discount, as estimate does", () => {
    const { root: cwd } = project({
      "im-bill.config.yaml": "discount: 50%\n",
      "before.json": '{"plan": "pro"}',
      "after.json": '{"plan": "flagship"}',
    });
    const diff = json(runBuilt(["diff", "before.json", "after.json", "--format", "json"], { cwd }));
    const estimate = (file: string, ...flags: string[]) =>
      json(runBuilt(["estimate", file, "--format", "json", ...flags], { cwd })).total;
    expect([diff.before.total, diff.after.total]).toEqual([estimate("before.json"), estimate("after.json")]);
    expect(diff.after.total).not.toBe(estimate("after.json", "--no-config"));
    // A flag overrides it, for both sides.
    const flagged = json(
      runBuilt(["diff", "before.json", "after.json", "--discount", "10%", "--format", "json"], { cwd }),
    );
    expect(flagged.after.total).toBe(estimate("after.json", "--discount", "10%"));
    expect(flagged.before.total).toBe(estimate("before.json", "--discount", "10%"));
  });

  it.each([
    [
      "im-bill.config.yaml",
      "pricing: prices/acme.yaml\ndiscont: 15%\n",
      'im-bill.config.yaml: discont: unknown field (did you mean "discount"?)',
    ],
    ["package.json", '{"im-bill": {"lang": "fr"}}', 'package.json: im-bill.lang: must be en or zh, got "fr"'],
    [
      "im-bill.config.json",
      '{"discount": "150%"}',
      'im-bill.config.json: discount: must be a percentage from 0 to 100 (at most four decimals), such as "15%", got "150%"',
    ],
    [
      "im-bill.config.json",
      '{"catalog": "tencent-im-cn-2042"}',
      'im-bill.config.json: catalog: unknown catalog "tencent-im-cn-2042"',
    ],
    [
      "im-bill.config.yaml",
      "pricing: a.yaml\ncatalog: tencent-im-cn-2024\n",
      "im-bill.config.yaml: catalog: pricing and catalog both choose the prices: keep one",
    ],
    [
      "im-bill.config.yaml",
      "lang: !!js/function zh\n",
      "im-bill.config.yaml: lang: the YAML tag !!js/function is not supported here",
    ],
    ["im-bill.config.json", '{"lang": "zh", "lang": "en"}', "im-bill.config.json: lang: is given twice on line 1"],
    ["im-bill.config.json", "[]", "im-bill.config.json: must be an object"],
  ])("%s holding %j: exit 2 naming the file and the field", (file, text, message) => {
    const { root } = project({ [file]: text });
    const result = runBuilt(estimate, { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a broken config does not break --help or --no-config", () => {
    const { root } = project({ "im-bill.config.yaml": "discont: 15%\n" });
    expect(runBuilt(["estimate", "--help"], { cwd: root }).status).toBe(0);
    expect(runBuilt([...estimate, "--no-config"], { cwd: root }).status).toBe(0);
  });

  it("is data only: an im-bill.config.js is never run", () => {
    const { root } = project({
      "im-bill.config.js": "require('fs').writeFileSync('ran', ''); module.exports = { discount: 50 }",
    });
    const bill = json(runBuilt([...estimate, "--format", "json"], { cwd: root }));
    expect(bill.total).toBe("3499.00");
  });

  it("a pricing file that does not exist is named as the config gave it, from here", () => {
    const { deep } = project({ "im-bill.config.yaml": "pricing: prices/missing.yaml\n" });
    const result = runBuilt(estimate, { cwd: deep });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `error: ${join("..", "..", "im-bill.config.yaml")}: pricing: ${join("..", "..", "prices", "missing.yaml")}: no such file\n`,
    );
  });
});

describe("finding the project config", () => {
  it("stops at the repository's root: a config above it configures nothing", () => {
    const outer = fixtureDir({ "im-bill.config.yaml": "discount: 50%\n", "repo/.git/HEAD": "ref\n" });
    mkdirSync(join(outer, "repo", "app"), { recursive: true });
    const bill = json(runBuilt([...estimate, "--format", "json"], { cwd: join(outer, "repo", "app") }));
    expect(bill.pricing.config).toBeNull();
  });

  it("stops at the home folder; outside a repository and the home folder, only the current folder counts", () => {
    const home = fixtureDir({ "im-bill.config.yaml": "discount: 50%\n" });
    mkdirSync(join(home, "work", "app"), { recursive: true });
    const inside = json(
      runBuilt([...estimate, "--format", "json"], { cwd: join(home, "work", "app"), env: { HOME: home } }),
    );
    expect(inside.pricing.config).toMatchObject({ file: join("..", "..", "im-bill.config.yaml") });
    // A file planted in a shared folder above configures no one working below it.
    const shared = fixtureDir({ "im-bill.config.yaml": "discount: 50%\n" });
    mkdirSync(join(shared, "someone"));
    const below = json(
      runBuilt([...estimate, "--format", "json"], { cwd: join(shared, "someone"), env: { HOME: home } }),
    );
    expect(below.pricing.config).toBeNull();
    expect(
      json(runBuilt([...estimate, "--format", "json"], { cwd: shared, env: { HOME: home } })).pricing.config,
    ).not.toBeNull();
  });

  it.each([
    ["empty", ""],
    ["a duplicate key", '{"name": "a", "name": "b"}'],
    ["not JSON", "{ name: a }"],
    [
      "1,200 dependencies",
      JSON.stringify({ dependencies: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`p${i}`, "1"])) }),
    ],
  ])("ignores a package.json with no im-bill key: %s", (_, text) => {
    const { deep } = project({ "package.json": text });
    const result = runBuilt(estimate, { cwd: deep });
    expect(result.status, result.stderr).toBe(0);
  });

  it("ignores a folder named package.json, and reads the im-bill key of a busy one strictly", () => {
    const { deep, root } = project({});
    mkdirSync(join(root, "package.json"));
    expect(runBuilt(estimate, { cwd: deep }).status).toBe(0);
    const busy = project({
      "package.json": JSON.stringify({
        dependencies: Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`p${i}`, "1"])),
        "im-bill": { discount: "50%" },
      }),
    });
    expect(json(runBuilt([...estimate, "--format", "json"], { cwd: busy.deep })).total).toBe("2749.50");
    const twice = project({ "package.json": '{\n  "im-bill": {"lang": "zh",\n    "lang": "en"}\n}\n' });
    expect(runBuilt(estimate, { cwd: twice.deep }).stderr).toBe(
      `error: ${join("..", "..", "package.json")}: im-bill.lang: is given twice: on line 2 and on line 3\n`,
    );
  });

  it("reads the im-bill key of a package.json nested 100,000 levels deep under another key", () => {
    // Found by the fuzz: the whole file's tree was built by recursion, and overflowed the
    // stack before the error boundary (exit 1, a stack trace). The binary's stack is the
    // main thread's, smaller than a worker's: spawned.
    const deep = 100_000;
    const { deep: cwd } = project({
      "package.json": `{"deep": ${"[".repeat(deep)}${"]".repeat(deep)}, "im-bill": {"discount": "50%"}}`,
    });
    const result = imBill([...estimate, "--format", "json"], { cwd });
    expect(result.stderr).toBe("");
    expect(json(result).total).toBe("2749.50");
  });

  it("refuses a named pipe, a device or a folder as its config file, naming it, without waiting", () => {
    const { root, deep } = project({});
    spawnSync("mkfifo", [join(root, "im-bill.config.yaml")]);
    const fifo = runBuilt(estimate, { cwd: deep });
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toBe(
      `error: ${join("..", "..", "im-bill.config.yaml")}: is a named pipe (FIFO), not a regular file: give a file\n`,
    );
    const device = project({});
    symlinkSync("/dev/zero", join(device.root, "im-bill.config.json"));
    expect(runBuilt(estimate, { cwd: device.deep }).stderr).toContain(
      "im-bill.config.json: is a device, not a regular file",
    );
  });
});
