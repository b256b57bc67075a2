// Where a catalog that is not built in came from: the file it was read from, a hash of
// its content, and the built-in list it extends. Kept beside the catalog (not in it)
// so that the catalog stays the validated document and every estimate can name it.
import type { Catalog } from "./schema.js";

export interface CatalogOrigin {
  /** the file as the user named it; "" for a document given to the library */
  file: string;
  /** SHA-256 of the file's bytes (of the document's JSON for the library), hex */
  sha256: string;
  /** the built-in list an overlay extends; null for a whole catalog */
  extends: string | null;
}

const origins = new WeakMap<Catalog, CatalogOrigin>();

export const originOf = (catalog: Catalog): CatalogOrigin | undefined => origins.get(catalog);

export function recordOrigin(catalog: Catalog, origin: CatalogOrigin): Catalog {
  origins.set(catalog, origin);
  return catalog;
}
