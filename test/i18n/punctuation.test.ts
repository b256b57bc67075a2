// Chinese sentences use full-width punctuation: every zh message (each string, and each
// function called with sample values) and every line of zh --help, held to one rule: a
// comma, colon, semicolon, parenthesis, question or exclamation mark that touches a
// Chinese character is the full-width one (，：；（）？！). Between English words, flags,
// paths and numbers ("mainland, overseas", "1,000", "--lang zh:") the half-width stays.
import { describe, expect, it } from "vitest";
import { zhHelp, zhMessages } from "../../src/i18n/zh.js";
import { builtinCatalogs } from "../../src/catalog/index.js";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const HALF = /[,:;()?!]/u;

/** Each half-width mark that touches a Chinese character, with a little of what is around it. */
export function halfWidthBesideChinese(text: string): string[] {
  const found: string[] = [];
  const chars = [...text];
  for (const [index, char] of chars.entries()) {
    if (!HALF.test(char)) continue;
    const before = chars[index - 1] ?? "";
    const after = chars[index + 1] ?? "";
    if (CJK.test(before) || CJK.test(after)) found.push(chars.slice(Math.max(0, index - 6), index + 7).join(""));
  }
  return found;
}

/** Sample arguments a message function is called with: words, counts, lists and maps of them. */
const SAMPLES: unknown[] = ["X", 3, "Y", 2, "Z", 1, "W", 4];
const sampleArgs = (count: number) => Array.from({ length: count }, (_, index) => SAMPLES[index % SAMPLES.length]);

/** Every text a catalog of messages yields, by its path: strings as they are, functions called. */
function texts(tree: unknown, path = ""): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const stack: [string, unknown][] = [[path, tree]];
  while (stack.length > 0) {
    const [at, value] = stack.pop()!;
    if (typeof value === "string") out.push({ path: at, text: value });
    else if (typeof value === "function") {
      // A function that takes richer values than samples (objects, lists) is called with them where it can be.
      for (const args of [sampleArgs(value.length), sampleArgs(value.length).map(() => [])]) {
        try {
          const result: unknown = (value as (...a: unknown[]) => unknown)(...args);
          if (typeof result === "string") {
            out.push({ path: at, text: result });
            break;
          }
        } catch {
          // the other samples, below
        }
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => stack.push([`${at}[${index}]`, item]));
    else if (value && typeof value === "object")
      for (const [key, child] of Object.entries(value)) stack.push([at ? `${at}.${key}` : key, child]);
  }
  return out;
}

describe("Chinese punctuation", () => {
  // The lists' own Chinese: titles, add-on names, notices, what is sold beside IM, what came before a list.
  const catalogTexts = builtinCatalogs().flatMap((list) =>
    texts(
      {
        title: list.title.zh,
        addonNames: Object.values(list.addonNames).map((name) => name.zh),
        alsoSold: (list.alsoSold ?? []).map((sold) => sold.zh),
        before: list.effective?.knownFrom?.before.zh,
        notices: Object.values(list.editions).flatMap((edition) =>
          Object.values(edition.addons).flatMap((addon) =>
            "notice" in addon && addon.notice ? [addon.notice.zh] : [],
          ),
        ),
        formerly: Object.values(list.editions).flatMap((edition) => (edition.formerly ? [edition.formerly.zh] : [])),
      },
      list.id,
    ),
  );
  const all = [...texts(zhMessages, "messages"), ...texts(zhHelp, "help"), ...catalogTexts];

  it("is full-width wherever it touches Chinese, in every message and help text", () => {
    // What a text quotes (Tencent's own words, as it wrote them) is not ours to punctuate.
    const wrong = all.flatMap(({ path, text }) =>
      halfWidthBesideChinese(text.replace(/"[^"]*"/g, '""')).map((around) => `${path}: …${around}…`),
    );
    expect(wrong).toEqual([]);
  });

  it("covers the catalogs whole: hundreds of messages, Chinese in most", () => {
    console.log(`punctuation: ${all.length} texts, ${all.filter(({ text }) => CJK.test(text)).length} with Chinese`);
    expect(all.length).toBeGreaterThan(600);
    expect(all.filter(({ text }) => CJK.test(text)).length).toBeGreaterThan(500);
  });

  it("catches what it is for", () => {
    expect(halfWidthBesideChinese("价格表:tencent-im-cn-2024")).toHaveLength(1);
    expect(halfWidthBesideChinese("以下之一：mainland, overseas（可选）")).toEqual([]);
    expect(halfWidthBesideChinese("共 1,000 个")).toEqual([]);
  });
});
