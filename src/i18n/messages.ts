// Every word the estimate and its renderers show, by language: English in ./en.ts,
// Chinese in ./zh.ts. Names of editions and add-ons are catalog data; these hold only
// the phrasing.
import { enMessages, type Messages } from "./en.js";
import type { Lang } from "./lang.js";
import { zhMessages } from "./zh.js";

export type { Messages };

/** The words in each language; the Chinese are read when first asked for (./zh.ts says why). */
export const messages: Record<Lang, Messages> = {
  en: enMessages,
  get zh() {
    return zhMessages;
  },
};
