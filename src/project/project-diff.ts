// A project diff (`im-bill diff --base <ref>`): every scenario file of the project priced
// as a commit has it and as the working tree has it, each side with its own project
// config and price files, on the same day; then what changed, scenario by scenario, and
// why: the scenario's usage or features, its edition, its pin, the list, a figure of a
// price file, the discount, the config itself. Numbers and codes only: render/project.ts
// words them. The commit's files are read from git's objects, never checked out.
import { join, relative, resolve, sep } from "node:path";
import { formatOf } from "../batch/inputs.js";
import { pricedOrError } from "../batch/price.js";
import { contentRecords, diskContent, splitSource, type FileContent, type ScenarioRecord } from "../batch/records.js";
import { notesOfPrices, type Bill } from "../calculator/bill.js";
import { PricingTally, type NoteOfPrices, type PriceSettings, type PricingRef } from "../catalog/choose.js";
import { diffCatalogs } from "../catalog/figures.js";
import type { Catalog } from "../catalog/schema.js";
import { CONFIG_FILES } from "../config/files.js";
import { findConfigIn } from "../config/load.js";
import type { ProjectConfig } from "../config/schema.js";
import { settingsWithConfig, type FlagNames, type RunSettings } from "../config/settings.js";
import { risesAbove, totalChange, type Threshold, type TotalChange } from "../estimate-diff/diff.js";
import { LIMITS } from "../document/limits.js";
import { isYamlPath } from "../document/read.js";
import { SourceError } from "../document/text.js";
import { say, textIn, UserError, type Text } from "../errors.js";
import {
  filesAt,
  headCommit,
  missingObject,
  onDisk,
  readObjects,
  streamObject,
  workingPaths,
  type CommitFile,
  type Repository,
} from "../git/repository.js";
import { findRenames } from "./renames.js";
import {
  commitTree,
  resolvePath,
  sideEntries,
  workingBlobId,
  workingTree,
  type Resolved,
  type SideEntry,
  type SideTree,
} from "./sides.js";
import type { Scenario } from "../scenario/types.js";
import { Money } from "../util/money.js";
import type { EditionId } from "../vocabulary.js";

export interface ProjectDiffOptions {
  repository: Repository;
  /** the current folder, absolute: paths are relative to it, and the config is searched from it up */
  cwd: string;
  /** the ref as given, the commit, and whether that is the merge base of the ref and HEAD (`ref...`) */
  base: { ref: string; commit: string; mergeBase: boolean };
  /** files, folders or glob patterns as given (relative to cwd); none: the whole working tree */
  paths: readonly string[];
  /** what the run's flags chose (the day, a list, a discount), before any config */
  run: RunSettings;
  /** the working tree's settings: the run's with the config the command found */
  settings: PriceSettings;
  /** the working tree's config (undefined: none, or --no-config) */
  config: ProjectConfig | undefined;
  /** false: --no-config, on both sides */
  useConfig: boolean;
  flags: FlagNames;
  /** called between scenarios: where Ctrl-C stops the work */
  pause?: () => Promise<void>;
}

/** Why a scenario's bill moved, each cause with its facts. */
export type Cause =
  /** a field of the scenario (usage, features), as the calculator reads it */
  | { kind: "input"; path: string; before: unknown; after: unknown }
  | { kind: "edition"; before: EditionId; after: EditionId }
  /** the list the scenario pins (its `catalog`) */
  | { kind: "pin"; before: string | null; after: string | null }
  /** another price list, or another version of it */
  | { kind: "list"; before: PricingRef["catalog"]; after: PricingRef["catalog"] }
  /** a figure of the edition that the price file states otherwise */
  | { kind: "figure"; file: string | null; path: string; before: string | null; after: string | null }
  | { kind: "discount"; before: PricingRef["discount"]; after: PricingRef["discount"] }
  /** the project config: another file, or one where there was none */
  | { kind: "config"; before: string | null; after: string | null };

/** One side's scenario: priced, or why it could not be. */
export interface Priced {
  id: string;
  /** where it is, as batch names it (file, file#n, file:line), the file as that side names it */
  source: string;
  bill?: Bill;
  scenario?: Scenario;
  catalog?: Catalog;
  error?: Text;
}

export type ChangeStatus = "changed" | "added" | "removed" | "unchanged" | "invalid";

export interface ScenarioChange {
  /** invalid: the working tree's cannot be priced; added: new, or not priced at the base */
  status: ChangeStatus;
  id: string;
  /** the file, as the working tree names it (the commit's for a removed scenario) */
  file: string;
  /** the commit's name of a renamed file */
  previousFile: string | null;
  before?: Priced;
  after?: Priced;
  causes: Cause[];
  /** the total before → after (from nothing for a new scenario, to nothing for a removed one) */
  total?: TotalChange;
}

export interface SidePrices {
  /** the distinct provenances of the side's bills, with how many each made */
  groups: { ref: PricingRef; count: number }[];
  /** what is said of them (a list not in effect, a pin that lost) */
  said: NoteOfPrices[];
}

export interface ProjectDiff {
  base: { ref: string; commit: string; mergeBase: boolean };
  /** the commit the working tree is at, and whether the files compared differ from it */
  head: { commit: string | null; dirty: boolean };
  /** the day both sides are priced for */
  on: string;
  scenarios: ScenarioChange[];
  /** each currency's project total, before → after */
  totals: Record<string, TotalChange>;
  /** the project config of each side */
  config: { before: string | null; after: string | null };
  prices: { before: SidePrices; after: SidePrices };
}

/** One side: its config, and its scenarios in file order. */
interface Side {
  config: ProjectConfig | undefined;
  scenarios: Priced[];
  prices: SidePrices;
}

/** A file of a side to read: its path (relative to the root), whether a folder or pattern found it, and where its content is. */
interface SideFile {
  path: string;
  discovered: boolean;
  resolved: Resolved;
}

/** What one run of git reads of a commit's files at most: bounded memory, few processes. */
const CHUNK_BYTES = 32 * 1024 * 1024;
const CHUNK_FILES = 2_000;

export async function projectDiff(options: ProjectDiffOptions): Promise<ProjectDiff> {
  const { repository, base } = options;
  const patterns = options.paths.some((path) => /[*?[\]{}]/.test(path));
  const select = selection(options, patterns ? (await import("picomatch")).default : undefined);
  const commitFiles = await filesAt(repository, base.commit);
  const trees = { before: await commitTree(repository, commitFiles), after: workingTree(repository.root) };
  const listed = { before: [...commitFiles.keys()], after: await workingPaths(repository) };
  const beforeFiles = chosen(sideEntries(trees.before, repository.root, listed.before), select);
  const afterFiles = chosen(sideEntries(trees.after, repository.root, listed.after), select);
  const unmatched = select.unmatched();
  if (unmatched.length > 0)
    throw new UserError((lang) =>
      unmatched
        .map((path) =>
          textIn(
            say((t) => t.project.noMatch(path)),
            lang,
          ),
        )
        .join("\n"),
    );
  const renames = await findRenames(repository, commitFiles, beforeFiles, afterFiles);
  checkWorkingLinks(trees.after, options);
  const before = await commitSide(commitFiles, trees.before, beforeFiles, options);
  const after = await workingSide(afterFiles, options);
  const head = await headCommit(repository);
  const dirty =
    head !== null &&
    changedSinceHead(
      repository,
      head === base.commit ? commitFiles : await filesAt(repository, head),
      new Set([...beforeFiles, ...afterFiles].map((file) => file.path).concat(configCandidates(options))),
      (path) => select.test(path),
    );
  return { base, head: { commit: head, dirty }, on: options.run.day, ...compare(before, after, renames) };
}

/**
 * The files of a side the run reads: each entry the selection takes, except a file
 * reached through a linked folder whose own name is read too (a folder is read once).
 */
function chosen(entries: readonly SideEntry[], select: (path: string) => Omit<SideFile, "resolved">[]): SideFile[] {
  const files = entries.flatMap((entry) => select(entry.path).map((file) => ({ ...file, entry })));
  // The real files read under their own names (or through a link to the file itself).
  const direct = new Set(
    files.flatMap(({ entry }) => (!entry.throughFolder && entry.resolved.kind === "file" ? [entry.resolved.path] : [])),
  );
  return files
    .filter(
      ({ entry }) => !entry.throughFolder || !direct.has(entry.resolved.kind === "file" ? entry.resolved.path : ""),
    )
    .map(({ entry, ...file }) => ({ ...file, resolved: entry.resolved }));
}

/**
 * Whether a file of the run differs between HEAD and the working tree (or is new, or
 * gone): blob ids computed from the disk, compared with HEAD's, without git status (which
 * would run the repository's fsmonitor and clean filters).
 */
function changedSinceHead(
  repository: Repository,
  headFiles: Map<string, CommitFile>,
  paths: Set<string>,
  counts: (path: string) => boolean,
): boolean {
  for (const path of headFiles.keys()) if (counts(path)) paths.add(path);
  for (const path of paths) {
    const now = workingBlobId(repository.root, path, repository.objectFormat);
    if (now !== headFiles.get(path)?.oid) return true;
  }
  return false;
}

/** The working tree's config and price file, where they are links: refused when the link leaves the repository. */
function checkWorkingLinks(tree: SideTree, options: ProjectDiffOptions): void {
  const config = options.config;
  if (!config) return;
  for (const shown of [config.file, ...(config.pricing !== undefined ? [config.pricing] : [])]) {
    const path = rootRelative(options.repository, resolve(options.cwd, shown));
    if (path.startsWith("../")) continue; // a config above the repository is the user's own
    const problem = linkProblem(resolvePath(tree, options.repository.root, path));
    if (problem) throw new SourceError(shown, problem);
  }
}

/** What is wrong with where a link leads, in words, or undefined for a file. */
function linkProblem(resolved: Resolved): Text | undefined {
  if (resolved.kind === "outside") {
    const target = JSON.stringify(resolved.target);
    return say((t) => t.project.linkOutside(target));
  }
  if (resolved.kind === "loop") return say((t) => t.project.linkLoop);
  if (resolved.kind === "missing") return say((t) => t.document.noSuchFile);
  if (resolved.kind === "dir") return say((t) => t.document.isDirectory);
  return undefined;
}

/** Which files of a side are the run's: a scenario file under a path given (or anywhere), as `check` finds them. */
function selection(
  options: ProjectDiffOptions,
  picomatch: typeof import("picomatch") | undefined,
): ((path: string) => Omit<SideFile, "resolved">[]) & { unmatched(): string[]; test(path: string): boolean } {
  const { repository, cwd } = options;
  const given = options.paths.length > 0 ? options.paths : ["."];
  const specs = given.map((path) => {
    const inRoot = relative(repository.root, resolve(cwd, path));
    if (inRoot === ".." || inRoot.startsWith(`..${sep}`) || resolve(inRoot) === inRoot)
      throw new UserError(say((t) => t.project.outside(path, repository.root)));
    const pattern = /[*?[\]{}]/.test(path);
    const rootPath = inRoot.split(sep).join("/");
    // Patterns match as `check`'s do (tinyglobby matches with picomatch): hidden files are not matched.
    return { given: path, path: rootPath, matches: pattern ? picomatch!(rootPath) : undefined, hits: 0 };
  });
  const select = (file: string, count = true): Omit<SideFile, "resolved">[] => {
    if (!formatOf(file)) return [];
    let found: Omit<SideFile, "resolved"> | undefined;
    for (const spec of specs) {
      const named = !spec.matches && file === spec.path;
      // In a folder, as a folder is walked: hidden files and folders are not.
      const inside =
        spec.path === "" ? file : file.startsWith(`${spec.path}/`) ? file.slice(spec.path.length + 1) : null;
      const inFolder = !spec.matches && inside !== null && !inside.split("/").some((part) => part.startsWith("."));
      if (!named && !inFolder && !spec.matches?.(file)) continue;
      if (count) spec.hits++;
      // A file named is read whatever it holds; one found in a folder or by a pattern is skipped if it holds no scenarios.
      if (!found || named) found = { path: file, discovered: !named };
    }
    return found ? [found] : [];
  };
  return Object.assign((file: string) => select(file), {
    unmatched: () => specs.filter((spec) => spec.hits === 0).map((spec) => spec.given),
    test: (file: string) => select(file, false).length > 0,
  });
}

/** The folders a config is searched in: the current one up to the repository's root. */
function configFolders(options: ProjectDiffOptions): string[] {
  const folders: string[] = [];
  for (let folder = options.cwd; ; folder = resolve(folder, "..")) {
    folders.push(folder);
    if (folder === options.repository.root || resolve(folder, "..") === folder) return folders;
  }
}

/** Where a config may be, relative to the root. */
function configCandidates(options: ProjectDiffOptions): string[] {
  const names = [...CONFIG_FILES, "package.json"];
  return configFolders(options).flatMap((folder) =>
    names.map((name) => rootRelative(options.repository, join(folder, name))),
  );
}

const rootRelative = (repository: Repository, absolute: string) =>
  relative(repository.root, absolute).split(sep).join("/");

const limitOf = (path: string) => (isYamlPath(path) ? LIMITS.yamlBytes : LIMITS.fileBytes);

/** The base side: its config and price file, and its scenario files, from the commit's objects. */
async function commitSide(
  commitFiles: Map<string, CommitFile>,
  tree: SideTree,
  files: readonly SideFile[],
  options: ProjectDiffOptions,
): Promise<Side> {
  const { repository } = options;
  /**
   * A small file of the commit (a config, a price file), followed through links as the
   * working tree's is, or undefined where the commit has none.
   */
  const readOne = async (path: string, shown: string, limit: number): Promise<Uint8Array | undefined> => {
    if (path.startsWith("../")) return undefined; // above the repository: no commit has it
    const resolved = resolvePath(tree, repository.root, path);
    if (resolved.kind === "missing" || resolved.kind === "dir") return undefined;
    const problem = linkProblem(resolved);
    if (problem || resolved.kind !== "file") throw new SourceError(shown, problem!);
    const file = commitFiles.get(resolved.path)!;
    if (file.size < 0) throw missingObject(file.oid);
    if (file.size > limit) throw SourceError.tooLarge(shown, file.size, limit);
    return (await readObjects(repository, [file.oid])).get(file.oid)!;
  };
  return atBase(options, async () => {
    const config = options.useConfig
      ? await findConfigIn(
          {
            folders: configFolders(options),
            read: (path, shown, limit) => readOne(rootRelative(repository, path), shown, limit),
          },
          options.cwd,
        )
      : undefined;
    const settings = await settingsWithConfig(options.run, config, {
      taken: [],
      flags: options.flags,
      loadPricing: async (path) => {
        const bytes = await readOne(rootRelative(repository, resolve(options.cwd, path)), path, limitOf(path));
        if (bytes === undefined)
          throw new SourceError(
            path,
            say((t) => t.document.noSuchFile),
          );
        const { catalogOfBytes } = await import("../catalog/file.js");
        return catalogOfBytes(bytes, path);
      },
    });
    return readSide(config, settings, commitContents(repository, commitFiles, files), options);
  });
}

/** The commit's scenario files with their content, read a chunk at a time (a run of git for many files). */
async function* commitContents(
  repository: Repository,
  commitFiles: Map<string, CommitFile>,
  files: readonly SideFile[],
): AsyncGenerator<{ file: SideFile; content: FileContent }> {
  for (let start = 0; start < files.length;) {
    // A chunk: files up to a number and a sum of sizes (a file past its limit is not read: its size says it).
    let end = start;
    let bytes = 0;
    const wanted: string[] = [];
    while (end < files.length && end - start < CHUNK_FILES) {
      const real = realOf(files[end]!);
      const { oid, size } = real === undefined ? { oid: "", size: 0 } : commitFiles.get(real)!;
      if (size < 0) throw missingObject(oid);
      const read = real !== undefined && size <= LIMITS.fileBytes;
      if (read && bytes + size > CHUNK_BYTES && end > start) break;
      if (read) {
        wanted.push(oid);
        bytes += size;
      }
      end++;
    }
    const bodies = await readObjects(repository, wanted);
    for (const file of files.slice(start, end)) {
      const real = realOf(file);
      if (real === undefined) {
        yield { file, content: unreadable(file) };
        continue;
      }
      const { oid, size } = commitFiles.get(real)!;
      const body = bodies.get(oid);
      const content: FileContent = {
        bytes: (limit) => {
          if (size > limit || !body) throw SourceError.tooLarge(file.path, size, limit);
          return body;
        },
        // A JSONL file has no total limit: a large one is streamed from git.
        chunks: () =>
          body
            ? // eslint-disable-next-line @typescript-eslint/require-await -- the one chunk there is, as the stream of a large file would give it
              (async function* () {
                yield body;
              })()
            : streamObject(repository, oid),
      };
      yield { file, content };
    }
    start = end;
  }
}

/** The real path of a side's file, or undefined where it is a link that leads nowhere readable. */
const realOf = (file: SideFile): string | undefined => (file.resolved.kind === "file" ? file.resolved.path : undefined);

/** A link that leads nowhere readable: reading it names the file and why, as an error record. */
function unreadable(file: SideFile): FileContent {
  const fail = () => {
    throw new SourceError(file.path, linkProblem(file.resolved)!);
  };
  return { bytes: fail, chunks: fail };
}

/** The working tree's side: the config the command found, its scenario files from the disk. */
async function workingSide(files: readonly SideFile[], options: ProjectDiffOptions): Promise<Side> {
  const { repository } = options;
  function* contents(): Generator<{ file: SideFile; content: FileContent }> {
    for (const file of files) {
      const real = realOf(file);
      yield {
        file,
        content: real === undefined ? unreadable(file) : diskContent(file.path, onDisk(repository.root, real)),
      };
    }
  }
  return readSide(options.config, options.settings, contents(), options);
}

/** What went wrong at the base, said as the base's: "at main (abc1234): im-bill.config.yaml: …". */
async function atBase<T>(options: ProjectDiffOptions, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const base = say((t) => t.project.atBase(baseLabel(options.base, t.project.base)));
    throw new UserError((lang) => `${textIn(base, lang)}: ${error.messageIn(lang)}`, error.exitCode);
  }
}

/** The base as a reader knows it: the ref and its commit ("main (3f2a1b0)"), or the commit a hash names. */
export function baseLabel(
  base: ProjectDiff["base"],
  words: (ref: string, commit: string, mergeBase: boolean) => string,
): string {
  const short = base.commit.slice(0, 7);
  const ref = base.mergeBase ? base.ref.slice(0, -"...".length) : base.ref;
  return /^[0-9a-f]{4,40}$/i.test(ref) && base.commit.startsWith(ref.toLowerCase())
    ? short
    : words(ref, short, base.mergeBase);
}

/** Every scenario of a side's files, priced with the side's settings. */
async function readSide(
  config: ProjectConfig | undefined,
  settings: PriceSettings,
  contents:
    AsyncIterable<{ file: SideFile; content: FileContent }> | Iterable<{ file: SideFile; content: FileContent }>,
  options: ProjectDiffOptions,
): Promise<Side> {
  const scenarios: Priced[] = [];
  const tally = new PricingTally();
  for await (const { file, content } of contents) {
    const format = formatOf(file.path)!;
    for await (const record of contentRecords(content, { path: file.path, format, discovered: file.discovered })) {
      const priced = pricedRecord(record, settings);
      if (priced.bill) tally.add(priced.bill.prices.pricing, notesOfPrices(priced.bill));
      scenarios.push(priced);
      await options.pause?.();
    }
  }
  return { config, scenarios, prices: { groups: tally.groups, said: tally.notes } };
}

function pricedRecord(record: ScenarioRecord, settings: PriceSettings): Priced {
  const { id, source } = record;
  if (record.error !== undefined) return { id, source, error: record.error };
  const priced = pricedOrError(record.data, settings);
  if (priced.error !== undefined) return { id, source, error: priced.error };
  return { id, source, bill: priced.bill, scenario: priced.scenario, catalog: priced.catalog };
}

/** A scenario's name where it has one (an id that is not its place). */
const nameOf = (priced: Priced): string | null => (priced.id !== priced.source ? priced.id : null);

/**
 * The scenarios of one file on both sides, paired: by name, then (unnamed) by place, then
 * the last one left on each side with each other (a renamed scenario of a file of one).
 */
function pair(olds: readonly Priced[], news: readonly Priced[]): [Priced | undefined, Priced | undefined][] {
  const matched = new Map<Priced, Priced>();
  const taken = new Set<Priced>();
  const match = (key: (priced: Priced) => string | null) => {
    const byKey = new Map<string, Priced[]>();
    for (const old of olds) {
      if (matched.has(old)) continue;
      const value = key(old);
      if (value === null) continue;
      const list = byKey.get(value);
      if (list) list.push(old);
      else byKey.set(value, [old]);
    }
    for (const now of news) {
      if (taken.has(now)) continue;
      const value = key(now);
      const old = value === null ? undefined : byKey.get(value)?.shift();
      if (old) {
        matched.set(old, now);
        taken.add(now);
      }
    }
  };
  match(nameOf);
  match((priced) => (nameOf(priced) === null ? splitSource(priced.source).locator : null));
  const oldLeft = olds.filter((old) => !matched.has(old));
  const newLeft = news.filter((now) => !taken.has(now));
  if (oldLeft.length === 1 && newLeft.length === 1) {
    matched.set(oldLeft[0]!, newLeft[0]!);
    taken.add(newLeft[0]!);
  }
  const pairedOf = new Map([...matched].map(([old, now]) => [now, old]));
  return [
    ...news.map((now): [Priced | undefined, Priced] => [pairedOf.get(now), now]),
    ...olds.filter((old) => !matched.has(old)).map((old): [Priced, undefined] => [old, undefined]),
  ];
}

/** Scenarios grouped by file, in the order the files come. */
function byFile(scenarios: readonly Priced[], rename: (file: string) => string): Map<string, Priced[]> {
  const files = new Map<string, Priced[]>();
  for (const priced of scenarios) {
    const file = rename(splitSource(priced.source).file);
    const list = files.get(file);
    if (list) list.push(priced);
    else files.set(file, [priced]);
  }
  return files;
}

function compare(
  before: Side,
  after: Side,
  renames: Map<string, string>,
): Pick<ProjectDiff, "scenarios" | "totals" | "config" | "prices"> {
  const olds = byFile(before.scenarios, (file) => renames.get(file) ?? file);
  const news = byFile(after.scenarios, (file) => file);
  const renamedFrom = new Map([...renames].map(([old, now]) => [now, old]));
  const scenarios: ScenarioChange[] = [];
  const sums = { before: new Map<string, Money>(), after: new Map<string, Money>() };
  const add = (side: "before" | "after", bill: Bill | undefined) => {
    if (!bill) return;
    const { currency } = bill.prices.catalog;
    sums[side].set(currency, (sums[side].get(currency) ?? new Money(0)).plus(bill.total));
  };
  const files = [...news.keys(), ...[...olds.keys()].filter((file) => !news.has(file))];
  for (const file of files) {
    const previousFile = news.has(file) && olds.has(file) ? (renamedFrom.get(file) ?? null) : null;
    for (const [old, now] of pair(olds.get(file) ?? [], news.get(file) ?? [])) {
      add("before", old?.bill);
      add("after", now?.bill);
      scenarios.push(changeOf(old, now, file, previousFile, before, after));
    }
  }
  const currencies = new Set([...sums.before.keys(), ...sums.after.keys()]);
  const zero = new Money(0);
  const totals = Object.fromEntries(
    [...currencies].map((currency) => [
      currency,
      totalChange(sums.before.get(currency) ?? zero, sums.after.get(currency) ?? zero),
    ]),
  );
  const config = { before: before.config?.file ?? null, after: after.config?.file ?? null };
  return { scenarios, totals, config, prices: { before: before.prices, after: after.prices } };
}

function changeOf(
  old: Priced | undefined,
  now: Priced | undefined,
  file: string,
  previousFile: string | null,
  before: Side,
  after: Side,
): ScenarioChange {
  const common = {
    id: (now ?? old)!.id,
    previousFile,
    ...(old ? { before: old } : {}),
    ...(now ? { after: now } : {}),
  };
  const zero = new Money(0);
  if (!now) {
    const file = splitSource(old!.source).file;
    const total = old!.bill ? { total: totalChange(new Money(old!.bill.total), zero) } : {};
    return { status: "removed", ...common, file, previousFile: null, causes: [], ...total };
  }
  if (now.error !== undefined) return { status: "invalid", ...common, file, causes: [] };
  if (!old?.bill)
    return { status: "added", ...common, file, causes: [], total: totalChange(zero, new Money(now.bill!.total)) };
  const same = sameBill(old.bill, now.bill!);
  // Prices that changed without moving this bill (a discount on a free edition) are no change of it.
  const causes = causesOf(old, now, before.config?.file ?? null, after.config?.file ?? null).filter(
    (cause) => !same || OWN_CAUSES.has(cause.kind),
  );
  const total = totalChange(new Money(old.bill.total), new Money(now.bill!.total));
  const moved = causes.length > 0 || !same;
  return { status: moved ? "changed" : "unchanged", ...common, file, causes, total };
}

/** Causes in the scenario itself: a change even where the bill stays the same. */
const OWN_CAUSES = new Set<Cause["kind"]>(["input", "edition", "pin"]);

/** The same bill: the same edition, lines and amounts. */
function sameBill(a: Bill, b: Bill): boolean {
  const lines = (bill: Bill) => JSON.stringify(bill.lines.map((line) => [line.id, line.amount, line.formula]));
  return a.plan === b.plan && a.total === b.total && lines(a) === lines(b);
}

/** The scenario's own fields that price it, as paths and values (lists sorted: their order means nothing). */
function inputsOf(scenario: Scenario): Map<string, unknown> {
  const { usage, features } = scenario;
  return new Map<string, unknown>([
    ["usage.peakDau", usage.peakDau],
    ["usage.peakGroups", usage.peakGroups],
    ["usage.liveGroups", usage.liveGroups],
    ["usage.bandwidth.mainlandMbps", usage.bandwidth.mainlandMbps],
    ["usage.bandwidth.internationalMbps", usage.bandwidth.internationalMbps],
    ["usage.bandwidth.days", usage.bandwidth.days],
    ["usage.bandwidth.mainlandMbpsDays", usage.bandwidth.mainlandMbpsDays],
    ["usage.bandwidth.internationalMbpsDays", usage.bandwidth.internationalMbpsDays],
    ["features.groupMemberLimit", features.groupMemberLimit],
    ["features.groupsPerUser", features.groupsPerUser],
    ["features.historyDays", features.historyDays],
    ["features.unlimitedLiveGroups", features.unlimitedLiveGroups],
    ["features.addons", [...features.addons].sort()],
  ]);
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Why one scenario's bill moved, in the order a bill is made: its inputs, its edition,
 * its pin, the list, the figures of the list the edition is priced with, the discount;
 * the config, where another one (or none) gave the prices.
 */
function causesOf(old: Priced, now: Priced, configBefore: string | null, configAfter: string | null): Cause[] {
  const causes: Cause[] = [];
  const [a, b] = [old.scenario!, now.scenario!];
  const inputsBefore = inputsOf(a);
  for (const [path, value] of inputsOf(b)) {
    const was = inputsBefore.get(path);
    if (!sameValue(was, value)) causes.push({ kind: "input", path, before: was, after: value });
  }
  if (a.plan !== b.plan) causes.push({ kind: "edition", before: a.plan, after: b.plan });
  if (a.catalog !== b.catalog) causes.push({ kind: "pin", before: a.catalog, after: b.catalog });
  const [pricesBefore, pricesAfter] = [old.bill!.prices.pricing, now.bill!.prices.pricing];
  const pricing: Cause[] = [];
  if (pricesBefore.catalog.id !== pricesAfter.catalog.id)
    pricing.push({ kind: "list", before: pricesBefore.catalog, after: pricesAfter.catalog });
  else if (old.catalog !== now.catalog) {
    // The same list stated otherwise (a price file changed): the figures of the edition priced.
    const edition = `editions.${b.plan}.`;
    const file = pricesAfter.overlays[0]?.file ?? pricesBefore.overlays[0]?.file ?? null;
    for (const change of diffCatalogs(old.catalog!, now.catalog!))
      if (change.path.startsWith(edition))
        pricing.push({ kind: "figure", file, path: change.path, before: change.before, after: change.after });
    // Another version, with no figure of this edition changed: the version is what changed.
    if (pricing.length === 0 && pricesBefore.catalog.version !== pricesAfter.catalog.version)
      pricing.push({ kind: "list", before: pricesBefore.catalog, after: pricesAfter.catalog });
  }
  if (!sameValue(pricesBefore.discount?.percent, pricesAfter.discount?.percent))
    pricing.push({ kind: "discount", before: pricesBefore.discount, after: pricesAfter.discount });
  causes.push(...pricing);
  // The config is named where it is another file and the prices differ (not where it only set the language).
  if (configBefore !== configAfter && (pricing.length > 0 || !sameBill(old.bill!, now.bill!)))
    causes.push({ kind: "config", before: configBefore, after: configAfter });
  return causes;
}

/** Why a project diff fails its gates, as facts. */
export type GateFailure =
  | { kind: "total"; currency: string; total: TotalChange; threshold: string }
  | { kind: "each"; change: ScenarioChange; threshold: string };

export interface Gate {
  threshold: Threshold;
  /** as given (said in the reason) */
  text: string;
}

/**
 * `--fail-above` on each currency's project total, `--fail-above-each` on each scenario
 * priced on both sides (a new scenario raises the project total, not its own).
 */
export function gatesOf(diff: ProjectDiff, gates: { total?: Gate; each?: Gate }): GateFailure[] {
  const failures: GateFailure[] = [];
  if (gates.total)
    for (const [currency, total] of Object.entries(diff.totals))
      if (risesAbove(total, gates.total.threshold))
        failures.push({ kind: "total", currency, total, threshold: gates.total.text });
  if (gates.each)
    for (const change of diff.scenarios)
      if (change.before?.bill && change.after?.bill && risesAbove(change.total!, gates.each.threshold))
        failures.push({ kind: "each", change, threshold: gates.each.text });
  return failures;
}
