// A project config's document as settings: validated like every input (unknown keys
// are errors, with a "did you mean"), then checked as the flags it stands for would be.
import { relative, resolve } from "node:path";
import { builtinCatalogById, builtinCatalogIds } from "../catalog/index.js";
import { unknownCatalogText } from "../catalog/unknown.js";
import { marketProblems } from "../catalog/market.js";
import { append } from "../util/array.js";
import { discountOf } from "../util/money.js";
import { InputError, say, type Problem } from "../errors.js";
import { describeValue } from "../validation/quote.js";
import { parseQuickly } from "../validation/quick.js";
import { PACKAGE_KEY } from "./files.js";
import { isJsonObject } from "../util/json.js";
import { own } from "../util/own.js";
import type { ProjectConfig, ProjectConfigInput } from "./schema.js";
import { CONFIG_SHAPE } from "./shape.js";
import { fullParse } from "./full-parse.js";

/** A config document as settings, or an InputError naming the file and every field that is wrong. */
export function validateConfig(
  document: unknown,
  file: string,
  folder: string,
  cwd: string,
  inPackage = false,
): ProjectConfig {
  const prefix = inPackage ? `${PACKAGE_KEY}.` : "";
  const fail = (problems: Problem[]) =>
    new InputError(
      problems.map((problem) => ({ source: file, ...problem, path: `${prefix}${problem.path}`.replace(/\.$/, "") })),
    );
  // usage.baseUrl would let a repository send the administrator's UserSig anywhere: named, and refused.
  const usage = isJsonObject(document) ? own(document, "usage") : undefined;
  const misplaced = isJsonObject(usage) && own(usage, "baseUrl") !== undefined;
  const input = misplaced ? { ...(document as object), usage: withoutKey(usage, "baseUrl") } : document;
  // A valid config needs no zod (the quick check); zod says what is wrong with the rest.
  const { data, problems } = parseQuickly<ProjectConfigInput>(CONFIG_SHAPE, input, fullParse);
  if (misplaced) problems.unshift({ path: "usage.baseUrl", message: say((t) => t.config.baseUrlNotHere) });
  if (!data || misplaced) throw fail(problems);
  if (data.pricing !== undefined && data.catalog !== undefined)
    problems.push({ path: "catalog", message: say((t) => t.config.pricingOrCatalog) });
  if (data.catalog !== undefined && !builtinCatalogIds().includes(data.catalog))
    problems.push({ path: "catalog", message: unknownCatalogText(data.catalog, describeValue(data.catalog)) });
  const listed = data.catalog === undefined ? undefined : builtinCatalogById(data.catalog);
  append(problems, marketProblems(data, listed));
  const percent = data.discount === undefined ? undefined : String(data.discount).trim().replace(/\s*%$/, "");
  if (percent !== undefined && discountOf(percent) === undefined) {
    const got = describeValue(data.discount);
    problems.push({ path: "discount", message: say((t) => t.validation.mustBe(t.rules.percent, got)) });
  }
  if (problems.length > 0) throw fail(problems);
  return {
    file,
    ...(data.pricing !== undefined ? { pricing: relative(cwd, resolve(folder, data.pricing)) || "." } : {}),
    ...(data.catalog !== undefined ? { catalog: data.catalog } : {}),
    ...(percent !== undefined ? { discount: percent } : {}),
    ...(data.lang !== undefined ? { lang: data.lang } : {}),
    ...(data.site !== undefined ? { site: data.site } : {}),
    ...(data.dataCenter !== undefined ? { dataCenter: data.dataCenter } : {}),
    ...(data.usage !== undefined
      ? {
          usage: {
            ...(data.usage.sdkappid !== undefined ? { sdkappid: String(data.usage.sdkappid) } : {}),
            ...(data.usage.admin !== undefined ? { admin: data.usage.admin } : {}),
            ...(data.usage.region !== undefined ? { region: data.usage.region } : {}),
            ...(data.usage.output !== undefined
              ? { output: relative(cwd, resolve(folder, data.usage.output)) || "." }
              : {}),
          },
        }
      : {}),
  };
}

const withoutKey = (value: object, key: string): object =>
  Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
