// The action's pull-request comment: the project diff's markdown (written by the diff
// step: every scenario priced at the merge base and at the pull request, with the prices
// of each side), as ONE comment that later pushes update, found by its marker. A comment
// is posted once something changed; after that it is kept up to date, "no change" too.
// The markdown is im-bill's own, escaped as every markdown it writes: posted as it is.
// Runs on GitHub's runner with Node; needs nothing but the file.
import { existsSync, readFileSync } from "node:fs";

const MARKER = "<!-- im-bill:bill-diff -->";
const words = {
  en: {
    noDiff: "no project diff to post (the diff step wrote none)",
    cannotComment: (status) =>
      `cannot post the comment (HTTP ${status}): a pull request from a fork has a read-only token; the diff is in the job summary`,
    commented: (how, url) => `${how === "PATCH" ? "updated" : "posted"} the comment ${url}`,
    unchanged: "no bill changed and no comment to update: nothing posted",
    cut: "…cut to fit a comment: the whole diff is in the job summary.",
  },
  zh: {
    noDiff: "没有可发表的项目差异（差异步骤未生成）",
    cannotComment: (status) => `无法发表评论（HTTP ${status}）：来自复刻仓库的拉取请求只有只读令牌；差异见作业摘要`,
    commented: (how, url) => `${how === "PATCH" ? "已更新" : "已发表"}评论 ${url}`,
    unchanged: "账单没有变化，也没有要更新的评论：未发表",
    cut: "……为符合评论长度上限已截断：完整差异见作业摘要。",
  },
};

const env = process.env;
const file = env.DIFF_MARKDOWN ?? "";
const markdown = file && existsSync(file) ? readFileSync(file, "utf8").trim() : "";
// The language of the log: the input's, else the one im-bill wrote the diff in (the project config's).
const lang =
  env.INPUT_LANG === "zh" || (!env.INPUT_LANG && /^### 账单变化|^\| {2}\| 场景 \|/m.test(markdown)) ? "zh" : "en";
const say = words[lang];

if (markdown === "") console.log(say.noDiff);
else await comment(`${MARKER}\n${fitted(markdown)}\n`, /^\|---\|/m.test(markdown));

/**
 * GitHub refuses a comment over 65,536 characters. im-bill's markdown keeps its table to
 * the largest changes; names and causes of great length could still pass the limit: the
 * comment then ends at a line, and says where the rest is.
 */
function fitted(text) {
  const limit = 65_536 - MARKER.length - 400;
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf("\n", limit);
  return `${text.slice(0, cut > 0 ? cut : limit)}\n\n${say.cut}`;
}

/** Update the comment this action posted before, or post one when a bill changed. */
async function comment(body, changed) {
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
    const url = `${api}/repos/${repository}/issues/${env.PR_NUMBER}/comments?per_page=100&page=${page}`;
    const response = await fetch(url, { headers });
    if (!response.ok) return warn(response.status);
    const comments = await response.json();
    existing = comments.find((each) => typeof each.body === "string" && each.body.startsWith(MARKER));
    if (comments.length < 100) break;
  }
  if (existing === undefined && !changed) return console.log(say.unchanged);
  const method = existing ? "PATCH" : "POST";
  const response = await fetch(
    existing
      ? `${api}/repos/${repository}/issues/comments/${existing.id}`
      : `${api}/repos/${repository}/issues/${env.PR_NUMBER}/comments`,
    { method, headers, body: JSON.stringify({ body }) },
  );
  if (!response.ok) return warn(response.status);
  console.log(say.commented(method, (await response.json()).html_url ?? ""));
}

// A pull request from a fork gets a read-only token: the comment is a convenience, not the check.
function warn(status) {
  console.log(`::warning title=im-bill::${say.cannotComment(status)}`);
}
