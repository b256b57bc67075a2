// Links resolve alike on both sides of a project diff: one algorithm over a tree, kept
// within the repository, bounded in depth and in what it lists.
import { describe, expect, it } from "vitest";
import { resolvePath, sideEntries, type EntryKind, type SideTree } from "../../src/project/sides.js";

/** A tree from a listing: files, and links with their targets; folders are the paths' prefixes. */
function tree(files: string[], links: Record<string, string>): SideTree {
  const folders = new Set<string>();
  for (const path of [...files, ...Object.keys(links)])
    for (let at = path.indexOf("/"); at !== -1; at = path.indexOf("/", at + 1)) folders.add(path.slice(0, at));
  return {
    kind: (path): EntryKind | undefined =>
      files.includes(path) ? "file" : Object.hasOwn(links, path) ? "link" : folders.has(path) ? "dir" : undefined,
    target: (path) => links[path]!,
  };
}

const ROOT = "/work/repo";

describe("resolvePath", () => {
  const sides = tree(["shared/base.yaml", "common/team.yaml"], {
    "app/linked.yaml": "../shared/base.yaml",
    "app/team": "../common",
    "app/via-folder.yaml": "team/team.yaml",
    "app/out.yaml": "../../etc/passwd",
    "app/abs-in.yaml": `${ROOT}/shared/base.yaml`,
    "app/abs-out.yaml": "/etc/passwd",
    "app/loop-a.yaml": "loop-b.yaml",
    "app/loop-b.yaml": "loop-a.yaml",
    "app/broken.yaml": "nowhere.yaml",
  });
  it.each([
    ["app/linked.yaml", { kind: "file", path: "shared/base.yaml" }],
    ["app/team", { kind: "dir", path: "common" }],
    ["app/team/team.yaml", { kind: "file", path: "common/team.yaml" }],
    ["app/via-folder.yaml", { kind: "file", path: "common/team.yaml" }],
    ["app/abs-in.yaml", { kind: "file", path: "shared/base.yaml" }],
    ["app/out.yaml", { kind: "outside", target: "app/out.yaml" }],
    ["app/abs-out.yaml", { kind: "outside", target: "/etc/passwd" }],
    ["app/loop-a.yaml", { kind: "loop" }],
    ["app/broken.yaml", { kind: "missing" }],
  ])("%s → %j", (path, resolved) => {
    expect(resolvePath(sides, ROOT, path)).toEqual(resolved);
  });
});

describe("sideEntries", () => {
  it("lists a linked folder's files under the link's name, each real file through one link at most", () => {
    const files = Array.from({ length: 1_000 }, (_, index) => `data/f${index}.yaml`);
    const links = Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`l${index}`, "data"]));
    const entries = sideEntries(tree(files, links), ROOT, [...files, ...Object.keys(links)]);
    // 1,000 files, and 1,000 more through the first link: not a million.
    expect(entries).toHaveLength(2_000);
    expect(entries.filter((entry) => entry.throughFolder).every((entry) => entry.path.startsWith("l0/"))).toBe(true);
  });
});
