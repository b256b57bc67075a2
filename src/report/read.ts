// A saved JSON report read back (`im-bill render`): its kind named, its version one this
// im-bill writes, its shape the kind's schema, and its arithmetic checked; else an
// InputError at the field paths, as every input has.
import { InputError, say } from "../errors.js";
import { own } from "../util/own.js";
import { parseWith } from "../validation/issues.js";
import { REPORT_SCHEMAS } from "./index.js";
import { isModelKind, REPORT_KINDS, REPORT_VERSION, type ModelKind } from "./kinds.js";
import type { Models } from "./models.js";
import { verifyReport } from "./verify.js";

/** A report of some kind, with its model. */
export type SavedReport = { [K in ModelKind]: { kind: K; model: Models[K] } }[ModelKind];

export function readReport(data: unknown, source: string): SavedReport {
  const fail = (path: string, message: ReturnType<typeof say>): never => {
    throw new InputError([{ source, path, message }]);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return fail(
      "",
      say((t) => t.render.notAReport(REPORT_KINDS.join(", "))),
    );
  const kind = own(data as Record<string, unknown>, "kind");
  if (!isModelKind(kind)) {
    const got = kind === undefined ? undefined : JSON.stringify(kind);
    return fail(
      "kind",
      say((t) => t.render.unknownKind(got, REPORT_KINDS.join(", "))),
    );
  }
  const version = own(data as Record<string, unknown>, "version");
  if (version !== REPORT_VERSION) {
    const got = JSON.stringify(version ?? null);
    return fail(
      "version",
      say((t) => t.render.unknownVersion(got, REPORT_VERSION)),
    );
  }
  const parsed = parseWith(REPORT_SCHEMAS[kind], data);
  if (!parsed.data) throw new InputError(parsed.problems.map((problem) => ({ source, ...problem })));
  const model = parsed.data;
  const problems = verifyReport(kind, model);
  if (problems.length > 0) throw new InputError(problems.map((problem) => ({ source, ...problem })));
  return { kind, model } as SavedReport;
}
