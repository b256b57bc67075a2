// A release: CHANGELOG.md's sections as a release's notes, and the tag-triggered workflow
// (.github/workflows/release.yml) holding the jobs the README's "Releasing" names. The
// workflow itself runs on GitHub; here, what it would run is read from it. `npm run
// release:check` is run by test/routes/release-check.e2e.test.ts (npm run test:routes).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { root } from "./helpers/cli.js";
import { changelogSection } from "../scripts/lib/changelog.mjs";

describe("CHANGELOG.md", () => {
  it("has a section for the package's version, which becomes the release's notes", () => {
    const notes = spawnSync(process.execPath, ["scripts/release-notes.mjs"], { cwd: root, encoding: "utf8" });
    expect(notes.status).toBe(0);
    expect(notes.stdout).toContain("The first release.");
    expect(notes.stdout).not.toMatch(/^## /m);
    const missing = spawnSync(process.execPath, ["scripts/release-notes.mjs", "9.9.9"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("CHANGELOG.md has no section for 9.9.9\n");
  });

  it("finds a version's section under its heading, dated or bracketed, up to the next", () => {
    const changelog =
      "# Changelog\n\n## Unreleased\n\n- soon\n\n## [1.2.0] - 2027-01-05\n\n- new\n\n## 1.1.0\n\n- old\n";
    expect(changelogSection(changelog, "1.2.0")).toBe("- new");
    expect(changelogSection(changelog, "1.1.0")).toBe("- old");
    // 1.1.0 is not 1.1.00 nor 1x1x0: the version is matched whole.
    expect(changelogSection(changelog, "1.1")).toBeUndefined();
    expect(changelogSection("## 1x1x0\n\n- no\n", "1.1.0")).toBeUndefined();
  });
});

interface Job {
  needs?: string[];
  "runs-on": string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { node?: number[]; include?: { target: string; runner: string; file: string }[] } };
  steps: { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }[];
}
const workflow = load(readFileSync(join(root, ".github/workflows/release.yml"), "utf8")) as {
  on: { push: { tags: string[] } };
  jobs: Record<string, Job>;
};
const runs = (job: Job) => job.steps.map((step) => step.run ?? "").join("\n");
const uses = (job: Job) => job.steps.map((step) => step.uses ?? "");

describe(".github/workflows/release.yml", () => {
  it("runs on a version tag: tests, the checked tarball, the executables, then publishes", () => {
    expect(workflow.on).toEqual({ push: { tags: ["v*.*.*"] } });
    expect(Object.keys(workflow.jobs)).toEqual(["test", "package", "executables", "publish"]);
    expect(workflow.jobs.publish!.needs).toEqual(["test", "package", "executables"]);
  });

  it("tests with .ci/run on every Node the package supports", () => {
    expect(workflow.jobs.test!.strategy!.matrix.node).toEqual([20, 22, 24]);
    expect(runs(workflow.jobs.test!)).toContain(".ci/run");
  });

  it("checks the tarball for the tag it releases", () => {
    expect(runs(workflow.jobs.package!)).toContain(
      'npm run release:check -- --no-build --keep release --tag "$GITHUB_REF_NAME"',
    );
  });

  it("builds the standalone executable for Linux x64 and arm64, macOS arm64 and x64, Windows x64, each tried", () => {
    const targets = workflow.jobs.executables!.strategy!.matrix.include!;
    expect(targets.map((target) => target.target)).toEqual([
      "linux-x64",
      "linux-arm64",
      "macos-arm64",
      "macos-x64",
      "windows-x64",
    ]);
    expect(targets.map((target) => target.runner)).toEqual([
      "ubuntu-latest",
      "ubuntu-24.04-arm",
      "macos-latest",
      "macos-15-intel",
      "windows-latest",
    ]);
    expect(runs(workflow.jobs.executables!)).toContain("node scripts/build-sea.mjs");
    expect(runs(workflow.jobs.executables!)).toContain('"total": "3499.00"');
  });

  it("publishes with provenance, attests every file, sums them, and makes the release from the changelog", () => {
    const publish = workflow.jobs.publish!;
    expect(publish.permissions).toEqual({ contents: "write", "id-token": "write", attestations: "write" });
    expect(uses(publish)).toContain("actions/attest-build-provenance@v2");
    const script = runs(publish);
    expect(script).toContain('sha256sum -- "${files[@]}" > SHA256SUMS');
    expect(script).toContain("npm publish release/im-bill-*.tgz --provenance --access public");
    expect(script).toContain("node scripts/release-notes.mjs > release-notes.md");
    expect(script).toMatch(/gh release create "\$GITHUB_REF_NAME" release\/\* .*--notes-file release-notes\.md/);
    // The token is the one secret, and only the publish step sees it.
    const withToken = publish.steps.filter((step) => JSON.stringify(step).includes("secrets."));
    expect(withToken.map((step) => step.env)).toEqual([{ NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}" }]);
  });
});
