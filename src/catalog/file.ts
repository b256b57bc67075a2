// A price catalog from a file (or stdin), through the one reader: its limits and checks.
import { readDocument, type ReadContext } from "../document/read.js";
import { say } from "../errors.js";
import { builtinCatalog } from "./index.js";
import { resolveCatalog } from "./load.js";
import type { Catalog } from "./schema.js";

export async function loadCatalog(path: string, context: ReadContext): Promise<Catalog> {
  const { source, data } = await readDocument(
    path,
    context,
    say((t) => t.document.expectedCatalog(builtinCatalog.id)),
  );
  return resolveCatalog(data, source);
}
