// Price catalog documents (--pricing): a whole catalog, or an overlay that `extends`
// a built-in one and changes a few values. Validated like scenarios: every problem
// with its field path, unknown keys rejected. (Reading the file: ./file.ts.)
import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { InputError, say, type Problem } from "../errors.js";
import { closest } from "../util/suggest.js";
import { formatPath, parseWith } from "../validation/issues.js";
import { describeValue } from "../validation/quote.js";
import { checkTree } from "../document/tree.js";
import type { EditionId } from "../vocabulary.js";
import { builtinCatalogById, builtinCatalogIds, effectiveOf } from "./index.js";
import { recordOrigin } from "./origin.js";
import { mergeOver } from "./overlay.js";
import { isJsonObject as isObject, type JsonObject as Json } from "../util/json.js";
import { Catalog } from "./schema.js";
import { unknownCatalogText } from "./unknown.js";
import { append } from "../util/array.js";

/** How many inherited prices a currency error lists before "and N more". */
const SHOWN_PATHS = 3;

/**
 * A catalog document (whole or overlay) as a validated catalog, which every estimate
 * names by its file and the hash of its content: `sha256` of the file's bytes (the
 * reader's), else of the document's JSON. A file never takes a built-in list's id, and
 * its version carries the hash, so that changed prices never pass for the list's own.
 */
export function resolveCatalog(document: unknown, source: string, sha256?: string): Catalog {
  // Documents from the reader are checked already; a library caller's may not be.
  checkTree(document, source);
  const hash = sha256 ?? createHash("sha256").update(JSON.stringify(document)).digest("hex");
  const problems: Problem[] = [];
  let merged = document;
  let base: Catalog | undefined;
  if (isObject(document) && Object.hasOwn(document, "extends")) {
    const { extends: id, ...changes } = document;
    base = typeof id === "string" ? builtinCatalogById(id) : undefined;
    if (!base) {
      const message =
        typeof id === "string"
          ? unknownCatalogText(id, describeValue(id))
          : say((t) => t.validation.unknownCatalog(describeValue(id), builtinCatalogIds().join(", ")));
      throw new InputError([{ source, path: "extends", message }]);
    }
    append(problems, currencyProblems(base, changes));
    // An overlay names itself after its base unless it says otherwise; its dates are
    // its own (a negotiated list is not the public list's period).
    const name = basename(source, extname(source));
    const { effective: _baseDates, lastVerified: _baseVerified, ...inherited } = mergeOver(base, changes) as Json;
    merged = {
      ...inherited,
      id: changes.id ?? `${base.id}+${name}`,
      version: `${typeof changes.version === "string" ? changes.version : base.version}+${hash.slice(0, 8)}`,
      ...(changes.effective ? { effective: changes.effective } : {}),
      ...(changes.lastVerified ? { lastVerified: changes.lastVerified } : {}),
    };
  } else if (isObject(document) && typeof document.version === "string") {
    merged = { ...document, version: `${document.version}+${hash.slice(0, 8)}` };
  }
  append(problems, editionIdProblems(merged));
  const { data, problems: shape } = parseWith(Catalog, merged);
  append(problems, shape);
  if (data) append(problems, referenceProblems(data));
  if (!data || problems.length > 0) throw new InputError(problems.map((problem) => ({ source, ...problem })));
  return recordOrigin(data, { file: source, sha256: hash, extends: base?.id ?? null });
}

/** An edition's id, as typed after --plan: lower-case words joined by hyphens. */
const EDITION_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The editions' ids: one edition at least, each id as a plan can name it. */
function editionIdProblems(document: unknown): Problem[] {
  if (!isObject(document) || !isObject(document.editions)) return [];
  const ids = Object.keys(document.editions);
  if (ids.length === 0) return [{ path: "editions", message: say((t) => t.validation.mustBe(t.rules.editions, "{}")) }];
  return ids
    .filter((id) => !EDITION_ID.test(id))
    .map((id) => ({
      path: formatPath(["editions", id]),
      message: say((t) => t.validation.mustBe(t.rules.editionId, describeValue(id))),
    }));
}

/** Every price of a list: the package fees, the overage blocks, the add-ons and their tiers, as paths. */
function pricePaths(catalog: Catalog): string[][] {
  const paths: string[][] = [];
  for (const [id, edition] of Object.entries(catalog.editions)) {
    const at = ["editions", id];
    if (edition.packageFee.price !== null) paths.push([...at, "packageFee", "price"]);
    if (edition.overage) for (const metric of ["dau", "groups"]) paths.push([...at, "overage", metric, "price"]);
    for (const [key, addon] of Object.entries(edition.addons)) {
      if (addon.kind === "tiers") paths.push([...at, "addons", key, "tiers"]);
      else if (addon.kind !== "included") paths.push([...at, "addons", key, "price"]);
    }
  }
  return paths;
}

/**
 * An overlay in another currency than its base must restate every price it would
 * inherit: a CNY figure is never shown as dollars.
 */
function currencyProblems(base: Catalog, changes: Json): Problem[] {
  const currency = changes.currency;
  if (typeof currency !== "string" || currency === base.currency) return [];
  const restated = (path: string[]) => {
    let value: unknown = changes;
    for (const key of path) {
      if (!isObject(value) || !Object.hasOwn(value, key)) return false;
      value = value[key];
    }
    return true;
  };
  const inherited = pricePaths(base)
    .filter((path) => !restated(path))
    .map((path) => path.join("."));
  if (inherited.length === 0) return [];
  const shown = inherited.slice(0, SHOWN_PATHS).join(", ");
  const more = inherited.length - SHOWN_PATHS;
  return [
    {
      path: "currency",
      message: say((t) => t.validation.currencyInherited(currency, base.id, base.currency, shown, more)),
    },
  ];
}

/**
 * What the schema cannot check: an id of its own, dates in order, sources that exist,
 * a derivation for an inferred figure, a name for every add-on, each discounted
 * category once, each plan name naming one edition.
 */
function referenceProblems(catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  if (builtinCatalogById(catalog.id)) {
    const id = describeValue(catalog.id);
    problems.push({ path: "id", message: say((t) => t.validation.builtinId(id)) });
  }
  const { from, to } = effectiveOf(catalog);
  if (from !== null && to !== null && from > to)
    problems.push({ path: "effective.from", message: say((t) => t.validation.fromAfterTo(from, to)) });
  const sourceKeys = Object.keys(catalog.sources);
  const visit = (value: unknown, path: string) => {
    if (!isObject(value)) return;
    if (value.inferred === true && typeof value.note !== "string")
      problems.push({ path: `${path}.inferred`, message: say((t) => t.validation.inferredWithoutNote) });
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
  visit(catalog.effective, "effective");
  for (const [index, item] of (catalog.alsoSold ?? []).entries()) visit(item, `alsoSold[${index}]`);
  const names = new Map<string, EditionId>();
  for (const id of Object.keys(catalog.editions)) names.set(id, id);
  for (const [id, edition] of Object.entries(catalog.editions)) {
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
          message: say((t) => t.validation.aliasTaken(shown, catalog.editions[owner]!.name[t.lang])),
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
