// The floors of src/, from the ground up: a folder (or a top-level file) imports only
// from floors below its own, never sideways or up, and no files import each other in a
// circle. docs/architecture.md says what each floor is for. `npm run deps` checks it
// (test/architecture.test.ts too); a type-only import counts, a dynamic import() too.
/** @type {string[][]} (test/architecture.test.ts reads this list too) */
const FLOORS = [
  ["vocabulary", "util"],
  ["i18n"],
  ["errors"],
  ["document", "files", "git"],
  ["validation", "tencent"],
  ["catalog"],
  ["scenario"],
  ["calculator"],
  ["config", "batch", "estimate-diff", "advisor", "pull"],
  ["check", "project"],
  ["report"],
  ["json-schema"],
  ["render"],
  ["interactive"],
  ["index"],
  ["cli"],
];
const { bundled } = require("./scripts/lib/bundled.cjs");

/** A folder of src/, or a file at its top (src/errors.ts). */
const place = (names) => `^src/(${names.join("|")})(/|\\.ts$)`;

const upward = FLOORS.flatMap((floor, level) =>
  floor.map((name) => ({
    name: `${name}-imports-down`,
    comment: `src/${name} may import only from the floors below it: ${FLOORS.slice(0, level).flat().join(", ") || "nothing"}`,
    severity: "error",
    from: { path: place([name]) },
    to: {
      path: place([
        ...FLOORS.slice(level)
          .flat()
          .filter((other) => other !== name),
      ]),
    },
  })),
);

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Files that import each other in a circle cannot be read (or loaded) one after the other",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "engine-speaks-numbers",
      comment:
        "The calculator and what builds on it return numbers and codes; words (i18n, number formatting) are render/'s. Errors speak through errors.ts's say()",
      severity: "error",
      from: { path: "^src/(calculator|advisor|batch|check|estimate-diff|project)/" },
      to: { path: ["^src/i18n/", "^src/util/format\\.ts$", "^src/render/"] },
    },
    {
      name: "installed-dependencies-only",
      comment:
        "An install has only the dependencies: src/ imports no dev dependency, but for those the build bundles into dist/ (scripts/lib/bundled.cjs)",
      severity: "error",
      from: { path: "^src/" },
      to: {
        dependencyTypes: ["npm-dev"],
        dependencyTypesNot: ["type-only"],
        pathNot: `node_modules/(${bundled.join("|")})/`,
      },
    },
    {
      name: "src-stays-in-src",
      comment: "The program does not reach into tests, scripts or the Action",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|scripts|action)/" },
    },
    {
      name: "commands-write-through-the-registry",
      comment:
        "A command names a kind of report and a format; render/formats.ts loads the renderer. Adding a format touches that one file, never a command",
      severity: "error",
      from: { path: "^src/cli/commands/" },
      to: { path: "^src/render/", pathNot: "^src/render/formats\\.ts$" },
    },
    {
      name: "renderers-know-no-registry",
      comment: "render/formats.ts loads the renderers; a renderer never reaches back into the registry",
      severity: "error",
      from: { path: "^src/render/", pathNot: "^src/render/formats\\.ts$" },
      to: { path: "^src/render/formats\\.ts$" },
    },
    {
      name: "html-stays-on-the-html-path",
      comment:
        "The HTML pages (render/html/: ECharts, SVG) load only when a page is written: only the registry and batch's HTML writer import them",
      severity: "error",
      from: { path: "^src/render/", pathNot: "^src/render/(html/|formats\\.ts$|batch/html\\.ts$)" },
      to: { path: "^src/render/html/" },
    },
    {
      name: "commands-are-leaves",
      comment:
        "A command is listed by cli/commands/index.ts (which cli/main.ts and cli/program.ts read) and imports the cli/ helpers; no helper and no other command imports a command",
      severity: "error",
      from: { path: "^src/cli/", pathNot: "^src/cli/(main|program)\\.ts$|^src/cli/commands/index\\.ts$" },
      to: { path: "^src/cli/commands/", pathNot: "^src/cli/commands/index\\.ts$" },
    },
    {
      name: "commander-only-in-the-program",
      comment:
        "A run whose arguments are plain never loads commander (cli/quick-args.ts): only cli/program.ts imports it to run; the definitions use its types",
      severity: "error",
      from: { pathNot: "^src/cli/program\\.ts$" },
      to: { path: "node_modules/commander/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "cli-helpers-do-not-write-reports-themselves",
      comment:
        "Only cli/report.ts (and the commands, through it) reaches render/formats.ts; the other helpers take words from render/ directly",
      severity: "error",
      from: { path: "^src/cli/", pathNot: "^src/cli/(commands/|report\\.ts$)" },
      to: { path: "^src/render/formats\\.ts$" },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.json$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};

// Not a key of the configuration (dependency-cruiser refuses unknown keys): for the test.
Object.defineProperty(module.exports, "FLOORS", { value: FLOORS, enumerable: false });
