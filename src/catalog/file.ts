// A price catalog from a file (or stdin), through the one reader: its limits and checks,
// and the hash of its bytes that every estimate priced with it names.
import { readDocument, type ReadContext } from "../document/read.js";
import { say } from "../errors.js";
import { seedCatalog } from "./index.js";
import { resolveCatalog } from "./load.js";
import type { Catalog } from "./schema.js";

export async function loadCatalog(path: string, context: ReadContext): Promise<Catalog> {
  const { source, data, sha256 } = await readDocument(
    path,
    context,
    say((t) => t.document.expectedCatalog(seedCatalog.id)),
    { hash: true },
  );
  return resolveCatalog(data, source, sha256);
}
