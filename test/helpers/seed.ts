// The list this tool was built from (the mainland's 2020 list, every figure sourced):
// what many tests price with, as the built-in list it is.
import { builtinCatalogById } from "../../src/catalog/index.js";

export const seedCatalog = builtinCatalogById("tencent-im-cn-2020")!;
