// The project config parsed by zod, each issue worded: what the config's validator asks
// when the quick check is unsure (an invalid config, mostly). The CLI loads it, and zod
// with it, only then (scripts/lib/cli-build.mjs).
import { parseWith } from "../validation/issues.js";
import { ProjectConfigSchema } from "./schema.js";

export const fullParse = (input: unknown) => parseWith(ProjectConfigSchema, input);
