// Price catalogs from files (--pricing): a whole catalog, or an overlay that `extends`
// the built-in one and changes a few values. Validated like scenarios: every problem
// with its field path, unknown keys rejected.
import { basename, extname } from "node:path";
import type { Readable } from "node:stream";
import { InputError, type Problem } from "../errors.js";
import { loadDocument } from "../scenario/load.js";
import { closest } from "../util/suggest.js";
import { parseWith } from "../validation/issues.js";
import { builtinCatalog } from "./index.js";
import { Catalog } from "./schema.js";

export async function loadCatalog(path: string, context: { cwd: string; stdin: Readable }): Promise<Catalog> {
  const { source, data } = await loadDocument(path, context, `a catalog such as {"extends": "${builtinCatalog.id}"}`);
  return resolveCatalog(data, source);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A catalog document (whole or overlay) as a validated catalog. */
export function resolveCatalog(document: unknown, source: string): Catalog {
  let merged = document;
  if (isObject(document) && "extends" in document) {
    const { extends: base, ...changes } = document;
    if (base !== builtinCatalog.id) {
      throw new InputError([
        {
          source,
          path: "extends",
          message: `unknown catalog ${JSON.stringify(base)}: the built-in one is "${builtinCatalog.id}"`,
        },
      ]);
    }
    // An overlay names itself after its base unless it says otherwise, so that an
    // estimate never passes a changed price list off as the list price.
    const name = basename(source, extname(source));
    merged = { ...(mergeOver(builtinCatalog, changes) as Json), id: changes.id ?? `${builtinCatalog.id}+${name}` };
  }
  const { data, problems } = parseWith(Catalog, merged);
  if (data) problems.push(...referenceProblems(data));
  if (!data || problems.length > 0) throw new InputError(problems.map((problem) => ({ source, ...problem })));
  return data;
}

/** Objects merge key by key; anything else in the overlay (lists, values, null) replaces. */
function mergeOver(base: unknown, changes: unknown): unknown {
  if (!isObject(base) || !isObject(changes)) return changes;
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(changes)) result[key] = key in base ? mergeOver(base[key], value) : value;
  return result;
}

/** What the schema cannot check: sources that exist, and a name for every add-on. */
function referenceProblems(catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const sourceKeys = Object.keys(catalog.sources);
  const visit = (value: unknown, path: string) => {
    if (!isObject(value)) return;
    if ("source" in value) {
      for (const key of [value.source].flat() as string[]) {
        if (key in catalog.sources) continue;
        const suggestion = closest(key, sourceKeys);
        problems.push({
          path: `${path}.source`,
          message: `unknown source ${JSON.stringify(key)}: not a key of sources${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
        });
      }
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
  };
  for (const [id, edition] of Object.entries(catalog.editions)) {
    visit(edition, `editions.${id}`);
    for (const key of Object.keys(edition.addons)) {
      if (!(key in catalog.addonNames))
        problems.push({ path: `editions.${id}.addons.${key}`, message: `has no name: add "${key}" to addonNames` });
    }
  }
  return problems;
}
