// The GitHub Action (action.yml): its structure, then its steps run as a runner runs
// them (bash -eo pipefail, the step's env with its ${{ }} filled in, GITHUB_OUTPUT read
// back as the step's outputs) in an app's checkout: installed from a local registry that
// serves this checkout's tarball as im-bill (no network), the check with its JUnit report,
// the project diff with its gates on pull requests and pushes, and one comment kept up
// to date on a mock GitHub API. A `uses:` step (actions/cache) is GitHub's, not run here.
import { execFileSync, spawn } from "node:child_process";
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { load } from "js-yaml";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imBill, root } from "./helpers/cli.js";
import { startRegistry, type Registry } from "./helpers/registry.js";

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = load(readFileSync(join(root, "action.yml"), "utf8")) as Action;
const stepNamed = (name: string) => action.runs.steps.find((step) => step.name === name)!;

describe("action.yml", () => {
  it("is a composite action whose steps run scripts of this repository, but for the cache", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    for (const step of action.runs.steps) {
      expect(step.name).toBeTruthy();
      if (step.uses) {
        expect(step.uses).toMatch(/^actions\/cache@v\d+$/);
        continue;
      }
      expect(step.shell).toBe("bash");
      const script = /\$GITHUB_ACTION_PATH\/(action\/[\w.-]+)/.exec(step.run ?? "")?.[1];
      expect(script, step.name).toBeDefined();
      accessSync(join(root, script!), script!.endsWith(".sh") ? constants.X_OK : constants.R_OK);
    }
  });

  it("takes the inputs the README documents, each described, and uses only those", () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        "catalog",
        "comment",
        "fail-above",
        "fail-above-each",
        "github-token",
        "lang",
        "paths",
        "pricing",
        "report",
        "require-expect",
        "version",
      ].sort(),
    );
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy();
    const used = JSON.stringify(action).match(/inputs\.[\w-]+/g) ?? [];
    for (const reference of used) expect(Object.keys(action.inputs)).toContain(reference.slice("inputs.".length));
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`\`${name}\``);
    // Settings a project config holds are the config's unless given.
    for (const name of ["lang", "catalog", "pricing", "version"]) expect(action.inputs[name]!.default).toBe("");
  });

  it("gates in the diff step, on every event, comment or not; comments only on pull requests, when asked", () => {
    const diff = stepNamed("Diff the bills");
    expect(diff.if).toBe("${{ !cancelled() }}");
    expect(JSON.stringify(diff.env)).toContain("inputs.fail-above");
    expect(JSON.stringify(diff.env)).not.toContain("inputs.comment");
    const comment = stepNamed("Comment the bill diff");
    expect(comment.if).toMatch(/!cancelled\(\)/);
    expect(comment.if).toMatch(/github\.event_name == 'pull_request'/);
    expect(comment.if).toMatch(/inputs\.comment == 'true'/);
    expect(JSON.stringify(comment.env)).not.toContain("fail-above");
  });

  it("caches what it installs, from the registry or built, under the key the choosing step made", () => {
    const cache = action.runs.steps.find((step) => step.uses)!;
    expect(cache.if).toBeUndefined();
    expect(cache.with).toEqual({
      path: "${{ steps.version.outputs.prefix }}",
      key: "${{ runner.os }}-${{ steps.version.outputs.key }}",
    });
  });

  it("is what examples/ci/github-actions.yml uses, with inputs it has", () => {
    const workflow = load(readFileSync(join(root, "examples/ci/github-actions.yml"), "utf8")) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.filter((step) => step.uses?.startsWith("im-bill/im-bill@"));
    expect(ours).toHaveLength(1);
    for (const key of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
  });
});

// ---- the steps, run ----

const work = mkdtempSync(join(tmpdir(), "im-bill-action-"));
const repo = join(work, "repo");
const runnerTemp = join(work, "runner");
const toolCache = join(work, "toolcache");
const githubPath = join(work, "github_path");
const summary = join(work, "summary.md");
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version as string;
let registry: Registry;
let api: Awaited<ReturnType<typeof mockGitHub>>;

/** A mock of GitHub's issue-comment endpoints: what they store and every request. A read-only token may read. */
async function mockGitHub() {
  const comments: { id: number; body: string; html_url: string }[] = [];
  const requests: { method: string; path: string; body: string; auth?: string }[] = [];
  const read = async (request: IncomingMessage) => {
    let text = "";
    for await (const chunk of request) text += chunk;
    return text;
  };
  const server = createServer((request, response) => void answer(request, response));
  async function answer(request: IncomingMessage, response: ServerResponse) {
    const body = await read(request);
    const path = request.url ?? "";
    requests.push({ method: request.method ?? "", path, body, auth: request.headers.authorization });
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    if (request.method === "GET" && path.startsWith("/repos/acme/app/issues/7/comments")) return json(200, comments);
    if (request.headers.authorization === "Bearer read-only")
      return json(403, { message: "Resource not accessible by integration" });
    if (request.method === "POST" && path === "/repos/acme/app/issues/7/comments") {
      const comment = {
        id: 100 + comments.length,
        body: JSON.parse(body).body,
        html_url: `https://github.test/c/${comments.length}`,
      };
      comments.push(comment);
      return json(201, comment);
    }
    const patched = /^\/repos\/acme\/app\/issues\/comments\/(\d+)$/.exec(path);
    const comment = comments.find((each) => String(each.id) === patched?.[1]);
    if (request.method === "PATCH" && comment) {
      comment.body = JSON.parse(body).body;
      return json(200, comment);
    }
    json(404, { message: "Not Found" });
  }
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    comments,
    close: () => server.close(),
  };
}

interface Run {
  inputs?: Record<string, string>;
  cwd?: string;
  /** the event: a pull request into main (default), or a push after `before` */
  event?: { name: "pull_request" } | { name: "push"; before: string };
  token?: string;
  workspace?: string;
}

/** What steps wrote to GITHUB_OUTPUT, by step id: `${{ steps.<id>.outputs.<key> }}`. */
const outputs: Record<string, Record<string, string>> = {};

/** One step of action.yml, as the runner runs it. */
function runStep(name: string, options: Run = {}): Promise<{ status: number; output: string; stderr: string }> {
  const { inputs = {}, cwd = repo, event = { name: "pull_request" } } = options;
  const step = stepNamed(name);
  const context: Record<string, unknown> = {
    github: {
      token: options.token ?? "t0ken",
      base_ref: event.name === "pull_request" ? "main" : "",
      event_name: event.name,
      event: event.name === "pull_request" ? { pull_request: { number: 7 } } : { before: event.before },
    },
    runner: { os: "Linux", tool_cache: toolCache },
    steps: Object.fromEntries(Object.entries(outputs).map(([id, values]) => [id, { outputs: values }])),
  };
  // Defaults may be expressions too (`${{ github.token }}`).
  context.inputs = {
    ...Object.fromEntries(Object.entries(action.inputs).map(([key, input]) => [key, evaluate(input.default ?? "")])),
    ...inputs,
  };
  function evaluate(text: string) {
    return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
      const value = expression
        .split(".")
        .reduce<unknown>((object, key) => (object as Record<string, unknown>)?.[key], context);
      // The runner makes an expression of nothing an empty string (a pull request has no `before`).
      const leaf = value as string | number | boolean | null | undefined;
      return leaf === undefined || leaf === null ? "" : String(leaf);
    });
  }
  const addedPath = (() => {
    try {
      return readFileSync(githubPath, "utf8").trim().split("\n").filter(Boolean).reverse().join(":");
    } catch {
      return "";
    }
  })();
  const outputFile = join(work, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(outputFile, "");
  const env: Record<string, string> = {
    PATH: [addedPath, dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].filter(Boolean).join(":"),
    HOME: work,
    LANG: "C",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTION_PATH: root,
    GITHUB_WORKSPACE: options.workspace ?? repo,
    GITHUB_PATH: githubPath,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: "acme/app",
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    // npm as on a runner, but from the local registry and into a prefix of this test.
    npm_config_registry: registry.url,
    npm_config_prefix: join(work, "global"),
    npm_config_cache: join(work, "npm-cache"),
    npm_config_userconfig: join(work, "npmrc"),
    npm_config_update_notifier: "false",
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(value)])),
  };
  return new Promise((resolve) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], { cwd, env });
    let output = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => {
      output += chunk;
      stderr += chunk;
    });
    child.on("close", (status) => {
      if (step.id)
        outputs[step.id] = Object.fromEntries(
          readFileSync(outputFile, "utf8")
            .split("\n")
            .filter((line) => line.includes("="))
            .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
        );
      resolve({ status: status ?? 1, output, stderr });
    });
  });
}

/** The diff step, then the comment step, as one job runs them. */
async function diffAndComment(options: Run = {}) {
  const diff = await runStep("Diff the bills", options);
  const comment = await runStep("Comment the bill diff", options);
  return { diff, comment };
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};
/** A scenario whose `expect` holds the total the checkout prices it at, with the app's discount of 15%. */
const scenario = (peakDau: number) => {
  const total = JSON.parse(
    imBill(["estimate", "--plan", "pro", "--dau", String(peakDau), "--discount", "15", "--format", "json"]).stdout,
  ).total;
  return `plan: pro\nusage:\n  peakDau: ${peakDau}\nexpect:\n  total: "${total}"\n`;
};
const lastBody = (method: "POST" | "PATCH") =>
  JSON.parse(api.requests.filter((request) => request.method === method).at(-1)!.body).body as string;

beforeAll(async () => {
  mkdirSync(runnerTemp, { recursive: true });
  writeFileSync(join(work, "npmrc"), "");
  // This checkout as npm would publish it: the registry serves it as im-bill@<version>.
  const tarball = execFileSync(process.execPath, ["scripts/pack.mjs", "--no-build", "--pack-destination", work], {
    cwd: root,
    encoding: "utf8",
  }).trim();
  registry = await startRegistry(root, work, [join(work, tarball)]);
  api = await mockGitHub();
  execFileSync("git", ["init", "--quiet", "--bare", "--initial-branch=main", join(work, "origin.git")]);
  execFileSync("git", ["clone", "--quiet", join(work, "origin.git"), repo]);
  git("config", "user.email", "ci@example.com");
  git("config", "user.name", "CI");
  git("checkout", "--quiet", "-b", "main");
  write("scenarios/app.yaml", scenario(25_000));
  write("scenarios/old.json", JSON.stringify({ plan: "flagship" }));
  write("im-bill.config.yaml", "discount: 15%\n");
  write("README.md", "an app\n");
  git("add", ".");
  git("commit", "--quiet", "-m", "scenarios");
  git("push", "--quiet", "origin", "main");
  // The pull request: app.yaml grows (its expect updated), a scenario added, one removed.
  git("checkout", "--quiet", "-b", "grow");
  write("scenarios/app.yaml", scenario(60_000));
  write("scenarios/new.json", JSON.stringify({ name: "new app", plan: "pro", usage: { peakDau: 5000 } }));
  unlinkSync(join(repo, "scenarios/old.json"));
  git("add", "-A");
  git("commit", "--quiet", "-m", "grow");
}, 120_000);

afterAll(async () => {
  api?.close();
  await registry?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the action's steps", () => {
  it("installs the action's version from the registry into the tool cache, and puts it on PATH", async () => {
    const chosen = await runStep("Choose the im-bill to install");
    expect(chosen.status, chosen.output).toBe(0);
    const key = `im-bill-${version}`;
    expect(outputs.version).toEqual({ source: "registry", version, key, prefix: join(toolCache, "im-bill", key) });
    const result = await runStep("Install im-bill");
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toMatch(/npm warn/i);
    expect(readFileSync(githubPath, "utf8").trim()).toBe(join(toolCache, "im-bill", key, "bin"));
    expect(result.output.trim().split("\n").at(-1)).toBe(version);
    // What actions/cache restores the next time is what is there now: nothing is installed again.
    const again = await runStep("Install im-bill");
    expect(again.status).toBe(0);
    expect(again.output).toContain(`im-bill ${version} restored from the cache`);
    expect(api.requests).toEqual([]);
  }, 120_000);

  it("builds from the checkout in its own repository, unless a version is asked for", async () => {
    await runStep("Choose the im-bill to install", { workspace: root });
    expect(outputs.version!.source).toBe("checkout");
    await runStep("Choose the im-bill to install", { workspace: root, inputs: { version } });
    expect(outputs.version).toMatchObject({ source: "registry", version });
    const hostile = await runStep("Choose the im-bill to install", { inputs: { version: "1.0.0; rm -rf /" } });
    expect(hostile.status).toBe(2);
    expect(hostile.output).toContain("::error title=im-bill::version: not a version of im-bill");
    // Back to what the other steps use.
    await runStep("Choose the im-bill to install");
  });

  it("checks the scenarios, writes the JUnit report, and annotates a failure on its line", async () => {
    const result = await runStep("Check the bills");
    expect(result.status, result.output).toBe(0);
    const report = readFileSync(join(repo, "im-bill-check.xml"), "utf8");
    expect(report).toMatch(/<testsuites name="im-bill check" tests="2" failures="0"/);
    // scenarios/new.json has no expect block.
    const strict = await runStep("Check the bills", { inputs: { "require-expect": "true" } });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(
      "::error file=scenarios/new.json,line=1,title=im-bill check failed::new app: expected an expect block (--require-expect), got none",
    );
  });

  it("checks this repository's examples, as the README's workflow would", async () => {
    const report = join(work, "examples.xml");
    const result = await runStep("Check the bills", {
      inputs: { paths: "examples/", report, "require-expect": "true" },
      cwd: root,
      workspace: root,
    });
    expect(result.status, result.output).toBe(0);
    const scenarios = imBill(["batch", "examples/", "--format", "jsonl"]).stdout.trim().split("\n").length;
    expect(readFileSync(report, "utf8")).toMatch(
      new RegExp(`<testsuites name="im-bill check" tests="${scenarios}" failures="0"`),
    );
  });

  it("posts one comment with the project diff against the merge base, and puts it in the job summary", async () => {
    const { diff, comment } = await diffAndComment();
    expect(diff.status, diff.output).toBe(0);
    expect(comment.status, comment.output).toBe(0);
    const posts = api.requests.filter((request) => request.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.auth).toBe("Bearer t0ken");
    const body = JSON.parse(posts[0]!.body).body as string;
    // What im-bill prints for the project against where the branch left main.
    const printed = imBill(["diff", "--base", "origin/main...", "scenarios/", "--format", "markdown"], { cwd: repo });
    expect(body).toBe(`<!-- im-bill:bill-diff -->\n${printed.stdout}`);
    expect(body).toContain("| \\+ | new app | scenarios/new.json |");
    expect(body).toContain("| − |  | scenarios/old.json |");
    expect(body).toContain("usage.peakDau: 25,000 → 60,000");
    expect(body).toContain("Discount: 15% (im-bill.config.yaml)");
    expect(readFileSync(summary, "utf8")).toContain(printed.stdout);
    expect(outputs.diff!.markdown).toBe(join(runnerTemp, "im-bill-diff.md"));
    // Each scenario that moved is annotated on its file.
    expect(diff.stderr).toMatch(/^::notice file=scenarios\/app\.yaml,line=1,title=im-bill::The bill rises by/m);
  });

  it("updates that comment on the next push, and fails the diff step on a rise above fail-above", async () => {
    write("scenarios/app.yaml", scenario(60_000).replace("peakDau: 60000", "peakDau: 90000"));
    git("commit", "--quiet", "-am", "more users");
    const check = await runStep("Check the bills");
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(
      /^::error file=scenarios\/app\.yaml,line=5,title=im-bill check failed::total: expected/m,
    );

    const { diff, comment } = await diffAndComment({ inputs: { "fail-above": "10%" } });
    expect(diff.status).toBe(1);
    expect(diff.output).toMatch(/^error: the project total \(CNY\) rises by .*, more than --fail-above 10%$/m);
    expect(comment.status, comment.output).toBe(0);
    expect(api.requests.filter((request) => request.method === "POST")).toHaveLength(1);
    const patches = api.requests.filter((request) => request.method === "PATCH");
    expect(patches.map((request) => request.path)).toEqual(["/repos/acme/app/issues/comments/100"]);
    expect(lastBody("PATCH")).toContain("usage.peakDau: 25,000 → 90,000");
    // Per scenario too: the app's own rise.
    const each = await runStep("Diff the bills", { inputs: { "fail-above-each": "50%" } });
    expect(each.status).toBe(1);
    expect(each.output).toMatch(/^error: scenarios\/app\.yaml rises by .*, more than --fail-above-each 50%$/m);
  });

  it("with comment: false, still fails the gate (the diff step runs on every event)", async () => {
    const requests = api.requests.length;
    const diff = await runStep("Diff the bills", { inputs: { comment: "false", "fail-above": "500" } });
    expect(diff.status).toBe(1);
    expect(api.requests).toHaveLength(requests);
  });

  it("on a push, diffs against the commit before it, gates, and posts nothing", async () => {
    const before = git("rev-parse", "HEAD").trim();
    write("scenarios/app.yaml", scenario(60_000).replace("peakDau: 60000", "peakDau: 120000"));
    git("commit", "--quiet", "-am", "even more users");
    const requests = api.requests.length;
    const push = { name: "push" as const, before };
    const diff = await runStep("Diff the bills", { event: push, inputs: { "fail-above": "10%" } });
    expect(diff.status).toBe(1);
    expect(diff.output).toContain(`Bill changes: ${before.slice(0, 7)} →`);
    expect(diff.output).toContain("usage.peakDau: 90,000 → 120,000");
    const calm = await runStep("Diff the bills", { event: push, inputs: { "fail-above": "1000000" } });
    expect(calm.status).toBe(0);
    // A new branch's first push has no commit before it: nothing to compare, nothing fails.
    const first = await runStep("Diff the bills", { event: { name: "push", before: "0".repeat(40) } });
    expect(first.status).toBe(0);
    expect(first.output).toContain("no base to compare with");
    expect(api.requests).toHaveLength(requests);
  });

  it("comments a change of the config alone: every bill moved, though no scenario file changed", async () => {
    git("checkout", "--quiet", "main");
    git("checkout", "--quiet", "-b", "no-discount");
    write("im-bill.config.yaml", "discount: 0%\n");
    git("commit", "--quiet", "-am", "the discount ends");
    const { diff } = await diffAndComment();
    expect(diff.status, diff.output).toBe(0);
    const body = lastBody("PATCH");
    expect(body).toContain("discount: 15% → 0%");
    expect(body).toMatch(/2 changed, 0 new, 0 removed, 0 unchanged/);
    expect(body).toContain("Before: Discount: 15% (im-bill.config.yaml)");
  });

  it("comments in the project config's language when the input leaves it empty, or in the input's", async () => {
    write("im-bill.config.yaml", "discount: 0%\nlang: zh\n");
    git("commit", "--quiet", "-am", "in Chinese");
    const zh = await diffAndComment();
    expect(zh.comment.output).toContain("已更新评论");
    expect(lastBody("PATCH")).toContain("### 账单变化");
    const en = await diffAndComment({ inputs: { lang: "en" } });
    expect(en.comment.output).toContain("updated the comment");
    expect(lastBody("PATCH")).toContain("### Bill changes");
    write("im-bill.config.yaml", "discount: 0%\n");
    git("commit", "--quiet", "-am", "back in English");
  });

  it("keeps a stranger's file names and scenario names text in the comment", async () => {
    // A pull request from anyone: names that would ping a team, hide the rest of the
    // comment, show an image or a link, and a file that cannot be priced.
    write("scenarios/@team <!-- x.json", JSON.stringify({ name: "<img src=x onerror=alert(1)>", plan: "pro" }));
    write("scenarios/[click](https:evil.example).yaml", 'name: "@org/admins https://evil.example"\nplan: [\n');
    git("add", "-A");
    git("commit", "--quiet", "-m", "hostile names");
    const { diff, comment } = await diffAndComment();
    expect(diff.status).toBe(2);
    expect(comment.status, comment.output).toBe(0);
    const body = lastBody("PATCH");
    const markdown = new MarkdownIt({ html: true, linkify: true });
    markdown.linkify.set({ fuzzyLink: false });
    const tokens = markdown.parse(body, {});
    const inline = tokens.flatMap((token) => token.children ?? []);
    // The comment's HTML is its own: the marker that finds it again.
    expect(
      [...tokens, ...inline].filter((token) => token.type.startsWith("html")).map((token) => token.content.trim()),
    ).toEqual(["<!-- im-bill:bill-diff -->"]);
    expect(inline.filter((token) => token.type === "link_open" || token.type === "image")).toEqual([]);
    expect(markdown.render(body).replace(/<[^>]*>/g, "")).not.toMatch(/@[a-z]/);
    // Both are still there, as text.
    expect(body).toContain("scenarios/@&#8203;team \\<\\!-- x.json");
    expect(body).toContain("scenarios/\\[click\\](https:evil.example).yaml");
    // The annotation of the broken file names it with its escaping, on one line.
    expect(diff.stderr).toContain(
      "::error file=scenarios/[click](https%3Aevil.example).yaml,line=1,title=im-bill cannot price this::",
    );
    git("reset", "--quiet", "--hard", "HEAD~1");
  });

  it("warns, and does not fail, when a fork's read-only token cannot comment", async () => {
    const { diff, comment } = await diffAndComment({ token: "read-only" });
    expect(diff.status).toBe(0);
    expect(comment.status).toBe(0);
    expect(comment.output).toContain("::warning title=im-bill::cannot post the comment (HTTP 403)");
    expect(readFileSync(summary, "utf8")).toContain("discount: 15% → 0%");
  });

  it("cuts a diff past GitHub's comment limit at a line, and says where the rest is", async () => {
    const long = join(runnerTemp, "long-diff.md");
    const row = `| \\~ | ${"a very long scenario name ".repeat(20)} | +¥1.00 |`;
    writeFileSync(long, `### Bill changes\n\n|  | Scenario | Change |\n|---|---|---:|\n${`${row}\n`.repeat(400)}`);
    outputs.diff = { markdown: long };
    const comment = await runStep("Comment the bill diff");
    expect(comment.status, comment.output).toBe(0);
    const body = lastBody("PATCH");
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\|\n\n…cut to fit a comment: the whole diff is in the job summary\.\n$/);
    expect(
      body
        .split("\n")
        .filter((line) => line.startsWith("| \\~ |"))
        .every((line) => line === row),
    ).toBe(true);
  });
});
