import { describe, expect, it } from "vitest";
import { langFromEnv } from "../../src/i18n/lang.js";

describe("langFromEnv", () => {
  it.each([
    [{ LANG: "zh_CN.UTF-8" }, "zh"],
    [{ LANG: "zh-TW" }, "zh"],
    [{ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh"],
    [{ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }, "en"],
    [{ LC_MESSAGES: "zh_HK" }, "zh"],
    [{ LANG: "C" }, "en"],
    [{ LANG: "zhx" }, "en"],
    [{}, "en"],
  ])("%j → %s", (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });
});
