// CHANGELOG.md's section for a version: the text under its `## <version>` heading (with
// or without a date after it), up to the next `## `. The release workflow makes the
// GitHub release's notes of it (scripts/release-notes.mjs); the release check wants one.

/** The section's text, or undefined when CHANGELOG.md has no heading for the version. */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?${version.replaceAll(".", "\\.")}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join("\n")
    .trim();
}
