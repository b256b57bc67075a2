// `npm run release:check` as a maintainer runs it before tagging: the tarball packed as a
// release is, publint, "are the types wrong", its files and size, the changelog and the
// GitLab template's pin; and a tag of another version fails it. In test:routes (which
// .ci/run runs): publint and attw take a core for seconds, and npm test need not.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/cli.js";

const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

describe("npm run release:check", () => {
  it("checks the packed tarball, its files, size, changelog and pin, and fails on a tag of another version", () => {
    const result = spawnSync(process.execPath, ["scripts/release-check.mjs", "--no-build", "--tag", "v9.9.9"], {
      cwd: root,
      encoding: "utf8",
    });
    const lines = result.stdout.trim().split("\n");
    expect(lines.filter((line) => /^[✓✗]/.test(line)).map((line) => line.split(":")[0])).toEqual([
      `✓ packed im-bill-${version}.tgz`,
      "✓ publint",
      "✓ are the types wrong",
      "✓ files",
      "✓ size",
      "✓ CHANGELOG.md",
      `✓ examples/ci/gitlab-ci.yml pins ${version}`,
      `✗ the tag v9.9.9 is v${version}`,
    ]);
    expect(lines.at(-1)).toBe("release check: 1 failed");
    expect(result.status).toBe(1);
  }, 60_000);
});
