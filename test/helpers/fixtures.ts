import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary directory holding the given files (path → content). */
export function fixtureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "im-bill-test-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Scenario files of every kind, with a bad line, a bad file and a bad scenario among good ones. */
export const mixedScenarios = {
  "a-single.json": JSON.stringify({ name: "single", plan: "pro", usage: { peakDau: 25_000 } }),
  "b-list.json": JSON.stringify([
    { name: "first of list", plan: "flagship" },
    { plan: "trial", usage: { peakDau: 500 } },
  ]),
  "c-lines.jsonl": [
    JSON.stringify({ name: "line one", plan: "pro", features: { securityStrike: true } }),
    "",
    '{"name": "broken", "plan": ',
    JSON.stringify({ plan: "pro", usage: { peakDAU: 5 } }),
    JSON.stringify({ plan: "flagship", usage: { peakGroups: 250_000 } }),
  ].join("\n"),
  "d-docs.yaml": "name: yaml one\nplan: pro\nusage:\n  liveGroups: 60\n---\nplan: 专业版\nusage:\n  peakDau: -5\n",
  "e-bad.json": '{"plan": "pro",',
  "nested/f-list.yml": "- name: nested\n  plan: ultimate\n  features:\n    historyDays: 90\n",
  "notes.txt": "not a scenario",
};
