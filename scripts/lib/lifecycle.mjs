// package.json as it ships: without the scripts npm runs on pack, publish or install.
// The repository needs `prepare` (npm builds a git dependency with it, and only with it)
// and `prepack` (which refuses a plain `npm pack`); an installed package needs neither,
// and npm 11 warns of a `prepare` on every install of a tarball or a git dependency.
const LIFECYCLE = ["prepare", "prepack", "postpack", "prepublish", "prepublishOnly", "publish", "postpublish"];

/** The text of a package.json, without the lifecycle scripts. */
export function withoutLifecycle(text) {
  const manifest = JSON.parse(text);
  for (const name of LIFECYCLE) delete manifest.scripts?.[name];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
