// The GitHub Action (action.yml): its structure, then its steps run as a runner runs
// them (bash -eo pipefail, the step's env with its ${{ }} filled in) in a pull request's
// checkout: installed from this checkout (through a local registry: no network), the
// check with its JUnit report, and one comment kept up to date on a mock GitHub API.
import { execFileSync, spawn } from "node:child_process";
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  unlinkSync,
} from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
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
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = load(readFileSync(join(root, "action.yml"), "utf8")) as Action;

describe("action.yml", () => {
  it("is a composite action whose steps run scripts of this repository", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    for (const step of action.runs.steps) {
      expect(step.name).toBeTruthy();
      expect(step.shell).toBe("bash");
      const script = /\$GITHUB_ACTION_PATH\/(action\/[\w.-]+)/.exec(step.run ?? "")?.[1];
      expect(script, step.name).toBeDefined();
      accessSync(join(root, script!), script!.endsWith(".sh") ? constants.X_OK : constants.R_OK);
    }
  });

  it("takes the inputs the README documents, each described, and uses only those", () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      ["comment", "fail-above", "github-token", "lang", "paths", "pricing", "report", "require-expect"].sort(),
    );
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy();
    const used = JSON.stringify(action).match(/inputs\.[\w-]+/g) ?? [];
    for (const reference of used) expect(Object.keys(action.inputs)).toContain(reference.slice("inputs.".length));
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`\`${name}\``);
  });

  it("comments only on pull requests, when asked, and even after a failed check", () => {
    const commentStep = action.runs.steps.find((step) => step.run?.includes("comment.mjs"));
    expect(commentStep?.if).toMatch(/!cancelled\(\)/);
    expect(commentStep?.if).toMatch(/github\.event_name == 'pull_request'/);
    expect(commentStep?.if).toMatch(/inputs\.comment == 'true'/);
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
const githubPath = join(work, "github_path");
const summary = join(work, "summary.md");
let registry: Registry;
let api: { url: string; requests: { method: string; path: string; body: string; auth?: string }[]; close(): void };

/** A mock of GitHub's issue-comment endpoints: what they store and every request. */
async function mockGitHub() {
  const comments: { id: number; body: string; html_url: string }[] = [];
  const requests: { method: string; path: string; body: string; auth?: string }[] = [];
  const read = async (request: IncomingMessage) => {
    let text = "";
    for await (const chunk of request) text += chunk;
    return text;
  };
  const server = createServer(async (request, response) => {
    const body = await read(request);
    const path = request.url ?? "";
    requests.push({ method: request.method ?? "", path, body, auth: request.headers.authorization });
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    if (request.method === "GET" && path.startsWith("/repos/acme/app/issues/7/comments")) return json(200, comments);
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
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    comments,
    close: () => server.close(),
  };
}

/** One step of action.yml, as the runner runs it. */
function runStep(
  name: string,
  inputs: Record<string, string> = {},
  cwd = repo,
): Promise<{ status: number; output: string }> {
  const step = action.runs.steps.find((each) => each.name === name)!;
  const context: Record<string, unknown> = {
    github: { token: "t0ken", base_ref: "main", event_name: "pull_request", event: { pull_request: { number: 7 } } },
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
      if (value === undefined) throw new Error(`${name}: cannot evaluate \${{ ${expression} }}`);
      return String(value);
    });
  }
  const addedPath = (() => {
    try {
      return readFileSync(githubPath, "utf8").trim().split("\n").filter(Boolean).reverse().join(":");
    } catch {
      return "";
    }
  })();
  const env: Record<string, string> = {
    PATH: [addedPath, dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].filter(Boolean).join(":"),
    HOME: work,
    LANG: "C",
    GITHUB_ACTION_PATH: root,
    GITHUB_PATH: githubPath,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: "acme/app",
    RUNNER_TEMP: runnerTemp,
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
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => resolve({ status: status ?? 1, output }));
  });
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};
/** A scenario whose `expect` holds the total the checkout prices it at. */
const scenario = (peakDau: number) => {
  const total = JSON.parse(
    imBill(["estimate", "--plan", "pro", "--dau", String(peakDau), "--format", "json"]).stdout,
  ).total;
  return `plan: pro\nusage:\n  peakDau: ${peakDau}\nexpect:\n  total: "${total}"\n`;
};

beforeAll(async () => {
  mkdirSync(runnerTemp, { recursive: true });
  writeFileSync(join(work, "npmrc"), "");
  registry = await startRegistry(root, work);
  api = await mockGitHub();
  execFileSync("git", ["init", "--quiet", "--bare", "--initial-branch=main", join(work, "origin.git")]);
  execFileSync("git", ["clone", "--quiet", join(work, "origin.git"), repo]);
  git("config", "user.email", "ci@example.com");
  git("config", "user.name", "CI");
  git("checkout", "--quiet", "-b", "main");
  write("scenarios/app.yaml", scenario(25_000));
  write("scenarios/old.json", JSON.stringify({ plan: "flagship" }));
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
  it("installs im-bill from its checkout and puts it on PATH", async () => {
    const result = await runStep("Install im-bill");
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toMatch(/npm warn/i);
    expect(readFileSync(githubPath, "utf8").trim()).toBe(join(work, "global", "bin"));
    expect(result.output.trim().split("\n").at(-1)).toBe(imBill(["--version"]).stdout.trim());
  }, 120_000);

  it("checks the scenarios and writes the JUnit report", async () => {
    const result = await runStep("Check the bills");
    expect(result.status, result.output).toBe(0);
    const report = readFileSync(join(repo, "im-bill-check.xml"), "utf8");
    expect(report).toMatch(/<testsuites name="im-bill check" tests="2" failures="0"/);
    // scenarios/new.json has no expect block.
    const strict = await runStep("Check the bills", { "require-expect": "true" });
    expect(strict.status).toBe(1);
    expect(strict.output).toContain("scenarios/new.json");
  });

  it("checks this repository's examples, as the README's workflow would", async () => {
    const report = join(work, "examples.xml");
    const result = await runStep("Check the bills", { paths: "examples/", report, "require-expect": "true" }, root);
    expect(result.status, result.output).toBe(0);
    const scenarios = imBill(["batch", "examples/", "--format", "jsonl"]).stdout.trim().split("\n").length;
    expect(readFileSync(report, "utf8")).toMatch(
      new RegExp(`<testsuites name="im-bill check" tests="${scenarios}" failures="0"`),
    );
  });

  it("posts one comment with the diff of the changed scenarios", async () => {
    const result = await runStep("Comment the bill diff");
    expect(result.status, result.output).toBe(0);
    const posts = api.requests.filter((request) => request.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.auth).toBe("Bearer t0ken");
    const body = JSON.parse(posts[0]!.body).body as string;
    expect(body.startsWith("<!-- im-bill:bill-diff -->")).toBe(true);
    // The diff im-bill prints for the file against the base branch's version.
    const before = join(work, "app.main.yaml");
    writeFileSync(before, git("show", "main:scenarios/app.yaml"));
    const diff = imBill(
      ["diff", before, "scenarios/app.yaml", "--format", "markdown", "--title", "scenarios/app.yaml"],
      {
        cwd: repo,
      },
    );
    expect(body).toContain(diff.stdout.trim());
    expect(body).toContain("New scenario file scenarios/new.json:");
    expect(body).toContain(
      imBill(["batch", "scenarios/new.json", "--format", "markdown"], { cwd: repo }).stdout.trim(),
    );
    expect(body).toContain("Removed scenario file scenarios/old.json.");
    expect(body).toContain(`Updated for ${git("rev-parse", "--short", "HEAD").trim()}`);
    expect(readFileSync(summary, "utf8")).toContain(body);
  });

  it("updates that comment on the next push, fails the check and a rise above fail-above", async () => {
    // A push that raises the bill past the expectation and by more than 10%.
    write("scenarios/app.yaml", scenario(60_000).replace("peakDau: 60000", "peakDau: 90000"));
    git("commit", "--quiet", "-am", "more users");
    const check = await runStep("Check the bills");
    expect(check.status).toBe(1);
    expect(readFileSync(join(repo, "im-bill-check.xml"), "utf8")).toMatch(/tests="2" failures="1"/);

    const result = await runStep("Comment the bill diff", { "fail-above": "10%" });
    expect(result.status).toBe(1);
    expect(api.requests.filter((request) => request.method === "POST")).toHaveLength(1);
    const patches = api.requests.filter((request) => request.method === "PATCH");
    expect(patches.map((request) => request.path)).toEqual(["/repos/acme/app/issues/comments/100"]);
    const body = JSON.parse(patches[0]!.body).body as string;
    expect(body).toContain(`Updated for ${git("rev-parse", "--short", "HEAD").trim()}`);
    expect(body).toContain("### scenarios/app.yaml");
  });

  it("comments in Chinese when asked", async () => {
    const result = await runStep("Comment the bill diff", { lang: "zh" });
    expect(result.status, result.output).toBe(0);
    const body = JSON.parse(api.requests.filter((request) => request.method === "PATCH").at(-1)!.body).body as string;
    expect(body).toContain("im-bill：变更场景的费用");
    expect(body).toContain("新增场景文件 scenarios/new.json：");
  });

  it("keeps a stranger's file names and scenario names text in the comment", async () => {
    // A pull request from anyone: names that would ping a team, hide the rest of the
    // comment, show an image or a link, and a file that cannot be priced.
    write("scenarios/@team <!-- x.json", JSON.stringify({ name: "<img src=x onerror=alert(1)>", plan: "pro" }));
    write("scenarios/[click](https:evil.example).yaml", 'name: "@org/admins https://evil.example"\nplan: [\n');
    git("add", "-A");
    git("commit", "--quiet", "-m", "hostile names");
    const result = await runStep("Comment the bill diff");
    expect(result.status, result.output).toBe(0);
    const body = JSON.parse(api.requests.filter((request) => request.method === "PATCH").at(-1)!.body).body as string;
    const markdown = new MarkdownIt({ html: true, linkify: true });
    markdown.linkify.set({ fuzzyLink: false });
    const tokens = markdown.parse(body, {});
    const inline = tokens.flatMap((token) => token.children ?? []);
    // The comment's HTML is its own: the marker that finds it again, and the small print of its commit.
    expect(
      [...tokens, ...inline].filter((token) => token.type.startsWith("html")).map((token) => token.content.trim()),
    ).toEqual(["<!-- im-bill:bill-diff -->", "<sub>", "</sub>"]);
    expect(inline.filter((token) => token.type === "link_open" || token.type === "image")).toEqual([]);
    expect(markdown.render(body).replace(/<[^>]*>/g, "")).not.toMatch(/@[a-z]/);
    // Both are still there, as text.
    expect(body).toContain("scenarios/@&#8203;team \\<\\!-- x.json");
    expect(body).toContain("\\[click\\](https:evil.example).yaml could not be priced");
  });
});
