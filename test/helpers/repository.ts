// A temporary git repository for the project diff's tests: files (and symbolic links)
// committed on main, and helpers to change its working tree.
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

let count = 0;

export function gitRepository(work: string, files: Record<string, string>, links: Record<string, string> = {}) {
  const dir = join(work, `repo-${++count}`);
  mkdirSync(dir);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "--quiet", "--initial-branch=main");
  git("config", "user.email", "ci@example.com");
  git("config", "user.name", "CI");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const link = (path: string, target: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target, join(dir, path));
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  for (const [path, target] of Object.entries(links)) link(path, target);
  git("add", "-A");
  git("commit", "--quiet", "--allow-empty", "-m", "base");
  return { dir, git, write, link };
}
