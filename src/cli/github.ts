// Whether a run is under GitHub Actions and writes its annotations beside the report:
// asked on every check and diff, so apart from the annotations themselves, which read
// files again with the YAML parser and load only when they are written.
import type { Io } from "./io.js";

/** Whether a command writes annotations on stderr beside its report. */
export const annotationsWanted = (io: Io, flag: boolean | undefined): boolean =>
  flag !== false && io.env.GITHUB_ACTIONS === "true";
