// The action's pull-request comment: the bill diff of each scenario file the pull request
// changes, against the merge base with the base branch, as ONE comment that later pushes
// update (found by its marker). Exit 1 when a total rises by more than `fail-above`.
// Runs on GitHub's runner with Node and the im-bill the install step put on PATH.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
// The escaping every markdown report of im-bill uses: a file path or a message is text in
// the comment, whatever it holds (no HTML, no mention, no link). From the action's own
// checkout, which the install step built.
const { escapeMarkdown } = await import(new URL("../dist/index.js", import.meta.url).href);

const MARKER = "<!-- im-bill:bill-diff -->";
const SCENARIO_FILE = /\.(json|jsonl|ya?ml)$/i;
const words = {
  en: {
    heading: "im-bill: the bill of the changed scenarios",
    nothing: "No scenario file changed.",
    added: (path) => `New scenario file ${path}:`,
    removed: (path) => `Removed scenario file ${path}.`,
    failed: (path) => `${path} could not be priced:`,
    updated: (sha) => `Updated for ${sha}.`,
    cannotComment: (status) => `cannot post the comment (HTTP ${status}); the diff is in the job summary`,
    commented: (how, url) => `${how === "PATCH" ? "updated" : "posted"} the comment ${url}`,
  },
  zh: {
    heading: "im-bill：变更场景的费用",
    nothing: "没有场景文件变更。",
    added: (path) => `新增场景文件 ${path}：`,
    removed: (path) => `已删除场景文件 ${path}。`,
    failed: (path) => `${path} 无法计费：`,
    updated: (sha) => `按提交 ${sha} 更新。`,
    cannotComment: (status) => `无法发表评论（HTTP ${status}）；差异见作业摘要`,
    commented: (how, url) => `${how === "PATCH" ? "已更新" : "已发表"}评论 ${url}`,
  },
};

const env = process.env;
const lang = env.INPUT_LANG === "zh" ? "zh" : "en";
const say = words[lang];
const git = (...args) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const options = ["--lang", lang, ...(env.INPUT_PRICING ? ["--pricing", env.INPUT_PRICING] : [])];
const imBill = (args) => spawnSync("im-bill", [...args, ...options], { encoding: "utf8" });

const base = mergeBase(env.BASE_REF);
const changes = changedFiles(base, (env.INPUT_PATHS ?? "").split(/\s+/).filter(Boolean));
const work = mkdtempSync(join(tmpdir(), "im-bill-comment-"));
let exitCode = 0;
const sections = [];
try {
  for (const { status, path } of changes) {
    if (status === "D") {
      sections.push(say.removed(escapeMarkdown(path)));
      continue;
    }
    if (status === "A") {
      const result = imBill(["batch", path, "--format", "markdown"]);
      sections.push(
        result.status === 2 ? failure(path, result) : `${say.added(escapeMarkdown(path))}\n\n${result.stdout.trim()}`,
      );
      continue;
    }
    const before = join(work, `before-${sections.length}${extname(path)}`);
    // Bytes as they are: the reader decides about encodings, as for any file.
    writeFileSync(before, execFileSync("git", ["show", `${base}:${path}`]));
    const failAbove = env.INPUT_FAIL_ABOVE ? ["--fail-above", env.INPUT_FAIL_ABOVE] : [];
    const result = imBill(["diff", before, path, "--format", "markdown", "--title", path, ...failAbove]);
    if (result.status === 1) exitCode = 1;
    sections.push(result.status === 2 ? failure(path, result) : result.stdout.trim());
    if (result.stderr) process.stderr.write(result.stderr);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const head = git("rev-parse", "--short", "HEAD").trim();
const body = [
  MARKER,
  `## ${say.heading}`,
  ...(sections.length ? sections : [say.nothing]),
  `<sub>${say.updated(head)}</sub>`,
].join("\n\n");
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${body}\n`);
await comment(body, sections.length > 0);
process.exitCode = exitCode;

/** The merge base of HEAD and origin/<base>, fetching the base branch when the checkout lacks it. */
function mergeBase(branch) {
  if (!branch) throw new Error("BASE_REF is empty: the comment step runs on pull requests only");
  const ref = `refs/remotes/origin/${branch}`;
  try {
    git("rev-parse", "--verify", "--quiet", ref);
  } catch {
    git("fetch", "--no-tags", "origin", `+refs/heads/${branch}:${ref}`);
  }
  try {
    return git("merge-base", ref, "HEAD").trim();
  } catch {
    // A shallow checkout without the common ancestor: compare with the base branch's tip.
    return ref;
  }
}

/** Scenario files added, modified or removed under the given paths (git pathspecs: folders, globs). */
function changedFiles(from, paths) {
  const fields = git("diff", "--name-status", "--no-renames", "-z", from, "HEAD", "--", ...paths).split("\0");
  const files = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const [status, path] = [fields[index][0], fields[index + 1]];
    if (SCENARIO_FILE.test(path)) files.push({ status, path });
  }
  return files;
}

/** What went wrong, each line of the message escaped (a message quotes the file's own text). */
function failure(path, result) {
  const lines = result.stderr
    .trim()
    .split("\n")
    .map((line) => `> ${escapeMarkdown(line)}`);
  return `${say.failed(escapeMarkdown(path))}\n\n${lines.join("\n")}`;
}

/** Update the comment this action posted before, or post one when something changed. */
async function comment(text, changed) {
  const api = env.GITHUB_API_URL ?? "https://api.github.com";
  const repository = env.GITHUB_REPOSITORY;
  const headers = {
    accept: "application/vnd.github+json",
    authorization: `Bearer ${env.GITHUB_TOKEN}`,
    "content-type": "application/json",
    "x-github-api-version": "2022-11-28",
  };
  let existing;
  for (let page = 1; existing === undefined; page++) {
    const response = await fetch(
      `${api}/repos/${repository}/issues/${env.PR_NUMBER}/comments?per_page=100&page=${page}`,
      {
        headers,
      },
    );
    if (!response.ok) return warn(response.status);
    const comments = await response.json();
    existing = comments.find((each) => typeof each.body === "string" && each.body.startsWith(MARKER));
    if (comments.length < 100) break;
  }
  if (existing === undefined && !changed) return;
  const method = existing ? "PATCH" : "POST";
  const response = await fetch(
    existing
      ? `${api}/repos/${repository}/issues/comments/${existing.id}`
      : `${api}/repos/${repository}/issues/${env.PR_NUMBER}/comments`,
    { method, headers, body: JSON.stringify({ body: text }) },
  );
  if (!response.ok) return warn(response.status);
  console.log(say.commented(method, (await response.json()).html_url ?? ""));
}

// A pull request from a fork gets a read-only token: the comment is a convenience, not the check.
function warn(status) {
  console.log(`::warning::${say.cannotComment(status)}`);
}
