import * as z from "zod/mini";
import { resolveEdition, editionNames, type Catalog } from "../catalog/index.js";
import { InputError, type Problem } from "../errors.js";
import { closest } from "../util/suggest.js";
import { ScenarioSchema, expects, type ScenarioInput } from "./schema.js";
import { DEFAULT_BANDWIDTH_DAYS, type Scenario } from "./types.js";

type Path = readonly PropertyKey[];

export interface ValidateOptions {
  catalog: Catalog;
  /** where the input came from, e.g. the file name; prefixes every message */
  source: string;
  /** rename a field path in messages (the CLI names the flag that set a value) */
  describePath?: (path: string) => { source: string; path: string } | undefined;
}

/** Validate raw input (parsed JSON/YAML or built from flags) into a normalized scenario. */
export function validateScenario(input: unknown, options: ValidateOptions): Scenario {
  const result = ScenarioSchema.safeParse(input, { reportInput: true });
  const problems = result.success ? [] : result.error.issues.flatMap(describeIssue);
  let plan;
  if (result.success) {
    plan = resolveEdition(options.catalog, result.data.plan);
    if (!plan) problems.push(unknownPlan(result.data.plan, options.catalog));
  }
  if (problems.length > 0 || !result.success || !plan) {
    throw new InputError(
      problems.map((problem) => {
        const renamed = options.describePath?.(problem.path);
        return {
          source: renamed?.source ?? options.source,
          path: renamed?.path ?? problem.path,
          message: problem.message,
        };
      }),
    );
  }
  return normalize(result.data, plan);
}

function normalize(input: ScenarioInput, plan: Scenario["plan"]): Scenario {
  const usage = input.usage ?? {};
  const features = input.features ?? {};
  return {
    name: input.name ?? null,
    plan,
    usage: {
      peakDau: usage.peakDau ?? 0,
      peakGroups: usage.peakGroups ?? 0,
      liveGroups: usage.liveGroups ?? 0,
      bandwidth: {
        mainlandMbps: usage.bandwidth?.mainlandMbps ?? 0,
        internationalMbps: usage.bandwidth?.internationalMbps ?? 0,
        days: usage.bandwidth?.days ?? DEFAULT_BANDWIDTH_DAYS,
      },
    },
    features: {
      groupMemberLimit: features.groupMemberLimit ?? null,
      groupsPerUser: features.groupsPerUser ?? null,
      historyDays: features.historyDays ?? null,
      securityStrike: features.securityStrike ?? false,
      unlimitedLiveGroups: features.unlimitedLiveGroups ?? false,
    },
  };
}

function unknownPlan(plan: string, catalog: Catalog): Problem {
  const suggestion = closest(plan, editionNames(catalog));
  return {
    path: "plan",
    message: `unknown plan ${JSON.stringify(plan)}: expected trial, pro or flagship${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
  };
}

export function formatPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

function describeIssue(issue: z.core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(objectShape(schemaAt(issue.path)) ?? {});
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return {
        path: formatPath([...issue.path, key]),
        message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
      };
    });
  }
  const schema = schemaAt(issue.path);
  const rule = schema && expects.get(schema)?.expects;
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return [{ path, message: `is required${rule ? ` (${rule})` : ""}` }];
  const what = rule ?? (objectShape(schema) ? "an object" : "valid");
  return [{ path, message: `must be ${what}, got ${describeValue(input)}` }];
}

/** A value as a message quotes it: numbers as written, strings quoted, the rest by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

// zod/mini keeps a schema's structure in `_zod.def`; these helpers walk it to find the
// schema of a field (for its rule) or the fields of an object (for "did you mean").
interface Def {
  type: string;
  innerType?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
}
const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (
    let def = defOf(current);
    def.innerType && (def.type === "optional" || def.type === "nullable");
    def = defOf(current)
  ) {
    current = def.innerType;
  }
  return current;
}

function objectShape(schema: z.ZodMiniType | undefined): Record<string, z.ZodMiniType> | undefined {
  return schema && defOf(unwrap(schema)).shape;
}

function schemaAt(path: Path): z.ZodMiniType | undefined {
  let schema: z.ZodMiniType | undefined = ScenarioSchema;
  for (const key of path) {
    schema = objectShape(schema)?.[String(key)];
    if (!schema) return undefined;
  }
  return schema && unwrap(schema);
}
