// A price catalog from a file (or stdin), through the one reader: its limits and checks,
// and the hash of its bytes that every estimate priced with it names.
import { documentOfBytes, isYamlPath, readDocument, type ReadContext } from "../document/read.js";
import { say } from "../errors.js";
import { builtinCatalogIds } from "./index.js";
import { resolveCatalog } from "./load.js";
import type { Catalog } from "./schema.js";

/** What a price file is said to need to be: like the first built-in list, the seed of this tool. */
const expectedCatalog = () => say((t) => t.document.expectedCatalog(builtinCatalogIds()[0]!));

export async function loadCatalog(path: string, context: ReadContext): Promise<Catalog> {
  const { source, data, sha256 } = await readDocument(path, context, expectedCatalog(), { hash: true });
  return resolveCatalog(data, source, sha256);
}

/** A price file's bytes read otherwise than from the disk (a commit's object): the same checks, the same hash. */
export async function catalogOfBytes(bytes: Uint8Array, path: string): Promise<Catalog> {
  const format = isYamlPath(path) ? "yaml" : "json";
  const { source, data, sha256 } = await documentOfBytes(bytes, path, format, expectedCatalog(), { hash: true });
  return resolveCatalog(data, source, sha256);
}
