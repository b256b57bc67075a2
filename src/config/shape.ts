// The project config's shape for the quick check (src/validation/quick.ts), read from its
// zod schema. The CLI's bundle holds it as data, made by the build from this module
// (scripts/lib/cli-build.mjs), so that a run that reads a valid config loads no zod.
import { quickShapeOf } from "../validation/quick-shape.js";
import { ProjectConfigSchema } from "./schema.js";

export const CONFIG_SHAPE = quickShapeOf(ProjectConfigSchema);
