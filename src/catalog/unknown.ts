// The message for an id that names no built-in catalog (a flag, a scenario's pin, the
// project config, an overlay's extends, the library's option): the ids there are, and
// the closest one ("2024" and "tencent-im-cn-2O24" both mean tencent-im-cn-2024).
import { say, type Text } from "../errors.js";
import { closest } from "../util/suggest.js";
import { builtinCatalogIds } from "./index.js";

/** `id` as typed; `shown` as the message quotes it. */
export function unknownCatalogText(id: string, shown: string): Text {
  const ids = builtinCatalogIds();
  const suggestion = closest(id, ids) ?? ids.find((candidate) => id.length >= 4 && candidate.endsWith(id.trim()));
  return say(
    (t) =>
      `${t.validation.unknownCatalog(shown, ids.join(", "))}${suggestion ? ` (${t.catalogs.didYouMean(suggestion)})` : ""}`,
  );
}
