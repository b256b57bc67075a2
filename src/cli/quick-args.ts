// A command's arguments read from its definition, without commander, when they are
// plain: each option known and spelt out whole (`--plan pro`, `--plan=pro`, `-p pro`,
// `--strict`), each value one of its choices, the operands as many as the command takes.
// The reading is commander's: the same flags, defaults, parsed values (a parser that
// refuses a value throws, as it does under commander) and sources. Anything else (help,
// `--`, an unknown or a bundled flag, a value that looks like a flag, a list option, a
// missing or an extra operand) is left to the program commander makes, which says what
// is wrong in its words: `undefined`. test/cli/quick-args.test.ts holds both to the same
// reading over generated arguments.
import { flagParts, type FlagParts, type OptionSpec } from "./options.js";
import type { AnyCommandSpec, ValueSource } from "./spec.js";

export interface QuickCall {
  args: unknown[];
  flags: Record<string, unknown>;
  sources: Map<string, ValueSource>;
}

interface Known {
  row: OptionSpec;
  parts: FlagParts;
}

/** The command's options by flag, and the values it starts with (commander's defaults). */
function optionsOf(spec: AnyCommandSpec): {
  byFlag: Map<string, Known>;
  flags: Record<string, unknown>;
  sources: Map<string, ValueSource>;
} {
  const byFlag = new Map<string, Known>();
  const flags: Record<string, unknown> = {};
  const sources = new Map<string, ValueSource>();
  for (const row of spec.options) {
    const parts = flagParts(row.flags);
    // A `--no-x` with no `--x` before it: x is true until the flag is given.
    const initial = parts.negate && !byFlag.has(`--${parts.long.slice(5)}`) ? (row.default ?? true) : row.default;
    if (initial !== undefined) {
      flags[parts.attribute] = initial;
      sources.set(parts.attribute, "default");
    }
    byFlag.set(parts.long, { row, parts });
    if (parts.short !== undefined) byFlag.set(parts.short, { row, parts });
  }
  return { byFlag, flags, sources };
}

const looksLikeFlag = (word: string) => word.length > 1 && word.startsWith("-");

/** The call `words` (what follows the command's name) make, or undefined where commander must read them. */
export function quickArgs(spec: AnyCommandSpec, words: readonly string[]): QuickCall | undefined {
  if (spec.run === undefined || spec.subcommands !== undefined || spec.needsProgram) return undefined;
  const { byFlag, flags, sources } = optionsOf(spec);
  const operands: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (!looksLikeFlag(word)) {
      operands.push(word);
      continue;
    }
    if (word === "--") return undefined;
    const equals = word.startsWith("--") ? word.indexOf("=") : -1;
    const name = equals === -1 ? word : word.slice(0, equals);
    const known = byFlag.get(name);
    if (known === undefined || known.parts.variadic || known.parts.value === "optional") return undefined;
    const { row, parts } = known;
    if (parts.value === undefined) {
      if (equals !== -1 || row.parse !== undefined) return undefined;
      flags[parts.attribute] = !parts.negate;
    } else {
      const value = equals === -1 ? words[++index] : word.slice(equals + 1);
      if (value === undefined || looksLikeFlag(value)) return undefined;
      if (row.choices !== undefined && !row.choices.includes(value)) return undefined;
      const parse = row.parse as ((value: string, previous: unknown) => unknown) | undefined;
      flags[parts.attribute] = parse ? parse(value, flags[parts.attribute]) : value;
    }
    sources.set(parts.attribute, "cli");
  }
  const args = argumentsOf(spec, operands);
  return args && { args, flags, sources };
}

/** The operands as the command's arguments (a variadic one takes the rest as a list), or undefined where they do not fit. */
function argumentsOf(spec: AnyCommandSpec, operands: readonly string[]): unknown[] | undefined {
  const declared = spec.arguments ?? [];
  const args: unknown[] = [];
  for (const [index, argument] of declared.entries()) {
    const required = argument.syntax.startsWith("<");
    const variadic = argument.syntax.includes("...");
    const taken = variadic ? operands.slice(index) : operands.slice(index, index + 1);
    if (required && taken.length === 0) return undefined;
    if (argument.choices !== undefined && taken.some((each) => !argument.choices!.includes(each))) return undefined;
    args.push(variadic ? taken : taken[0]);
  }
  const variadic = declared.at(-1)?.syntax.includes("...") ?? false;
  return operands.length > declared.length && !variadic ? undefined : args;
}
