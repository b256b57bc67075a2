// Writes schemas/<kind>.schema.json from the built library (run after `npm run build`).
import { writeFile } from "node:fs/promises";
import { jsonSchema, SCHEMA_KINDS } from "../dist/index.js";

for (const kind of SCHEMA_KINDS) {
  await writeFile(
    new URL(`../schemas/${kind}.schema.json`, import.meta.url),
    `${JSON.stringify(jsonSchema(kind), null, 2)}\n`,
  );
  console.log(`schemas/${kind}.schema.json`);
}
