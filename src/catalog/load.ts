// Price catalog documents (--pricing): a whole catalog, or an overlay that `extends`
// a built-in one and changes a few values. Validated like scenarios: every problem
// with its field path, unknown keys rejected. (Reading the file: ./file.ts.)
import { basename, extname } from "node:path";
import { InputError, say, type Problem } from "../errors.js";
import { closest } from "../util/suggest.js";
import { describeValue, parseWith } from "../validation/issues.js";
import { checkTree } from "../document/tree.js";
import { editionIds, type EditionId } from "./editions.js";
import { builtinCatalog, builtinCatalogById, builtinCatalogIds } from "./index.js";
import { isObject, mergeOver } from "./overlay.js";
import { Catalog } from "./schema.js";
import { append } from "../util/array.js";

type Json = Record<string, unknown>;

/** A catalog document (whole or overlay) as a validated catalog. */
export function resolveCatalog(document: unknown, source: string): Catalog {
  // Documents from the reader are checked already; a library caller's may not be.
  checkTree(document, source);
  let merged = document;
  if (isObject(document) && Object.hasOwn(document, "extends")) {
    const { extends: id, ...changes } = document;
    const base = typeof id === "string" ? builtinCatalogById(id) : undefined;
    if (!base) {
      const shown = describeValue(id);
      const known = builtinCatalogIds().join(", ");
      throw new InputError([
        { source, path: "extends", message: say((t) => t.validation.unknownCatalog(shown, known)) },
      ]);
    }
    // An overlay names itself after its base unless it says otherwise, so that an
    // estimate never passes a changed price list off as the list price; its dates are
    // its own (a negotiated list is not the public list's period).
    const name = basename(source, extname(source));
    const { effective: _baseDates, ...inherited } = mergeOver(base, changes) as Json;
    merged = {
      ...inherited,
      id: changes.id ?? `${base.id}+${name}`,
      ...(changes.effective ? { effective: changes.effective } : {}),
    };
  }
  const { data, problems } = parseWith(Catalog, merged);
  if (data) append(problems, referenceProblems(data));
  if (!data || problems.length > 0) throw new InputError(problems.map((problem) => ({ source, ...problem })));
  return data;
}

/**
 * What the schema cannot check: sources that exist, a name for every add-on, each
 * discounted category once, each plan name naming one edition.
 */
function referenceProblems(catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const sourceKeys = Object.keys(catalog.sources);
  const visit = (value: unknown, path: string) => {
    if (!isObject(value)) return;
    if (Object.hasOwn(value, "source")) {
      for (const key of [value.source].flat() as string[]) {
        if (Object.hasOwn(catalog.sources, key)) continue;
        const suggestion = closest(key, sourceKeys);
        const shown = describeValue(key);
        problems.push({ path: `${path}.source`, message: say((t) => t.validation.unknownSource(shown, suggestion)) });
      }
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
  };
  const names = new Map<string, EditionId>();
  for (const id of editionIds) names.set(id, id);
  for (const id of editionIds) {
    const edition = catalog.editions[id];
    visit(edition, `editions.${id}`);
    for (const key of Object.keys(edition.addons)) {
      if (!Object.hasOwn(catalog.addonNames, key))
        problems.push({
          path: `editions.${id}.addons.${key}`,
          message: say((t) => t.validation.addonWithoutName(key)),
        });
    }
    // A name shared by two editions would price one as the other (resolveEdition takes the first).
    for (const [index, alias] of edition.aliases.entries()) {
      const owner = names.get(alias.trim().toLowerCase());
      if (owner !== undefined && owner !== id) {
        const shown = describeValue(alias);
        problems.push({
          path: `editions.${id}.aliases[${index}]`,
          message: say((t) => t.validation.aliasTaken(shown, catalog.editions[owner].name[t.lang])),
        });
      } else names.set(alias.trim().toLowerCase(), id);
    }
  }
  repeatedItems(catalog.discounts.appliesTo, "discounts.appliesTo", problems);
  return problems;
}

/** An item listed twice (a discount applied twice, say) is a problem of its own. */
function repeatedItems(items: readonly string[], path: string, problems: Problem[]): void {
  const first = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const seen = first.get(item);
    const shown = describeValue(item);
    if (seen !== undefined)
      problems.push({ path: `${path}[${index}]`, message: say((t) => t.validation.repeated(shown, seen + 1)) });
    else first.set(item, index);
  }
}
