// Rewrites the output blocks of both READMEs from the built binary: each
// `<!-- readme-output: npx im-bill ARGS -->` block as `im-bill ARGS` prints it (in
// README.zh-CN.md with --lang zh), on the tests' day (SOURCE_DATE_EPOCH, as
// test/readme.test.ts runs them). JSON blocks are laid out by hand in README.md; the
// Chinese one is written whole. Run after `npm run build`: `node scripts/readme-output.mjs`.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../bin/im-bill.cjs", import.meta.url));
// The tests' day: 2026-12-04 (test/helpers/cli.ts, RUN_EPOCH).
const env = {
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  LANG: "C",
  SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 4) / 1000),
};

const run = (args) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`im-bill ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
};

for (const [file, extra] of [
  ["README.md", []],
  ["README.zh-CN.md", ["--lang", "zh"]],
]) {
  const path = `${root}${file}`;
  let text = readFileSync(path, "utf8");
  text = text.replace(
    /<!-- readme-output: npx im-bill (.+?) -->\n```text\n[\s\S]*?```/g,
    (_, command) =>
      `<!-- readme-output: npx im-bill ${command} -->\n\`\`\`text\n${run([...command.split(" "), ...extra])}\`\`\``,
  );
  if (extra.length > 0)
    text = text.replace(
      /<!-- readme-json: npx im-bill (.+?) -->\n```json\n[\s\S]*?```/g,
      (_, command) =>
        `<!-- readme-json: npx im-bill ${command} -->\n\`\`\`json\n${JSON.stringify(JSON.parse(run([...command.split(" "), ...extra])), null, 2)}\n\`\`\``,
    );
  writeFileSync(path, text);
  console.log(`${file}: output blocks rewritten`);
}
