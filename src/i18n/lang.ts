export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

/** The language of the user's locale: Chinese for zh_*, English otherwise. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || "";
  return /^zh\b|^zh[_-]/i.test(locale) ? "zh" : "en";
}
