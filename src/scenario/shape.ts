// The scenario's shape for the quick check (src/validation/quick.ts), read from its zod
// schema. The CLI's bundle holds it as data, made by the build from this module
// (scripts/lib/cli-build.mjs), so that a run that reads a valid scenario loads no zod.
import { quickShapeOf } from "../validation/quick-shape.js";
import { ScenarioSchema } from "./schema.js";

export const SCENARIO_SHAPE = quickShapeOf(ScenarioSchema);
