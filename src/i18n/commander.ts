// Commander's own usage errors ("error: unknown command 'estimat'") in the user's
// language: commander writes them in English, by a few fixed patterns; each is matched
// and said again. Flags, commands and values stay as typed.
import type { Lang } from "./lang.js";

type Translate = (match: RegExpExecArray) => string;

const zh: [RegExp, Translate][] = [
  [/^error: unknown command '(.*)'$/, (m) => `错误：未知命令 '${m[1]}'`],
  [/^error: unknown option '(.*)'$/, (m) => `错误：未知选项 '${m[1]}'`],
  [/^error: missing required argument '(.*)'$/, (m) => `错误：缺少必需的参数 '${m[1]}'`],
  [/^error: option '(.*)' argument missing$/, (m) => `错误：选项 '${m[1]}' 缺少参数值`],
  [/^error: required option '(.*)' not specified$/, (m) => `错误：未给出必需的选项 '${m[1]}'`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (m) => `错误：选项 '${m[1]}' 的值 '${m[2]}' 无效，可选值为 ${m[3]}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/,
    (m) => `错误：参数 '${m[2]}' 的值 '${m[1]}' 无效，可选值为 ${m[3]}`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => `错误：参数过多${m[1] ? `（'${m[1]}'）` : ""}：应为 ${m[2]} 个，实际为 ${m[3]} 个`,
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (m) => `（是否想写以下之一：${m[1]}？）`],
  [/^\(Did you mean (.*)\?\)$/, (m) => `（是否想写 ${m[1]}？）`],
];

/** Commander's message (one or more lines) in `lang`; English is commander's own. */
export function localizeCommanderError(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return text
    .split("\n")
    .map((line) => {
      for (const [pattern, translate] of zh) {
        const match = pattern.exec(line);
        if (match) return translate(match);
      }
      return line;
    })
    .join("\n");
}
