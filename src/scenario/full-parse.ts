// The scenario parsed by zod, each issue worded: what the validator asks when the quick
// check is unsure (invalid input, mostly). The CLI's bundle loads it, and zod with it,
// only then (scripts/lib/cli-build.mjs).
import { parseWith } from "../validation/issues.js";
import { ScenarioSchema } from "./schema.js";

export const fullParse = (input: unknown) => parseWith(ScenarioSchema, input);
