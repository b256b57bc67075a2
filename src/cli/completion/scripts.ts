// The completion scripts of bash, zsh and fish, written from a ProgramSpec. Each shell
// finds the command (the first word that is not an option: no option of the program
// itself takes a value), then completes by the word before the cursor: an option's
// value, else an option name, else the command's operands.
import type { CommandSpec, OptionSpec, ProgramSpec, Values } from "./spec.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell, spec: ProgramSpec): string {
  return { bash, zsh, fish }[shell](spec);
}

/** A command's options with the program's (commander reads those after a command too), but not --version. */
function optionsOf(command: CommandSpec, spec: ProgramSpec): OptionSpec[] {
  const own = new Set(command.options.flatMap((option) => option.names));
  const global = spec.options.filter(
    (option) => !option.names.includes("--version") && !option.names.some((name) => own.has(name)),
  );
  return [...command.options, ...global];
}

/** The options that take a value, as `case` patterns grouped by what they complete: [`-f|--file|--pricing`, action]. */
function byReply(options: OptionSpec[], reply: (values: Values) => string): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const option of options) {
    if (option.value === undefined) continue;
    const action = reply(option.value);
    const patterns = groups.get(action) ?? [];
    patterns.push(...option.names);
    groups.set(action, patterns);
  }
  return [...groups].map(([action, patterns]) => [patterns.join("|"), action]);
}

const functionName = (spec: ProgramSpec) => `_${spec.name.replace(/\W/g, "_")}`;
/** A word in single quotes, for every shell here. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
const words = (list: readonly string[]) => list.map(quote).join(" ");
/** fish's single quotes escape only \ and '. */
const fishQuote = (word: string) => `'${word.replace(/[\\']/g, "\\$&")}'`;

function header(spec: ProgramSpec, shell: Shell, install: string): string {
  return [
    `# ${shell} completion for ${spec.name}, printed by \`${spec.name} completion ${shell}\`.`,
    `# ${install}`,
    `# It lists the commands and options of the ${spec.name} that printed it: print it again after an upgrade.`,
  ].join("\n");
}

// bash: COMPREPLY from compgen, one candidate per line (paths with spaces stay whole).
function bash(spec: ProgramSpec): string {
  const name = functionName(spec);
  const reply = (values: Values) =>
    [
      values.words.length > 0 ? `_im_bill_words ${words(values.words)}` : "",
      values.files ? "_im_bill_files" : "",
      "return",
    ]
      .filter(Boolean)
      .join("; ");
  const valueCases = (options: OptionSpec[]) =>
    byReply(options, reply)
      .map(([patterns, action]) => `        ${patterns}) ${action} ;;`)
      .join("\n");
  const names = (options: OptionSpec[]) => words(options.flatMap((option) => option.names));
  const commandCases = spec.commands
    .map((command) => {
      const options = optionsOf(command, spec);
      return [
        `    ${quote(command.name)})`,
        `      case "$prev" in`,
        valueCases(options),
        `      esac`,
        `      if [[ "$cur" == -* ]]; then _im_bill_words ${names(options)}; return; fi`,
        command.operands ? `      ${reply(command.operands)}` : "      return",
        `      ;;`,
      ]
        .filter(Boolean)
        .join("\n");
    })
    .join("\n");
  return `${header(spec, "bash", `Install: ${spec.name} completion bash > ~/.local/share/bash-completion/completions/${spec.name}, or source <(${spec.name} completion bash) in ~/.bashrc.`)}

# Read line by line into COMPREPLY: never split again or glob-expanded ("[x]" stays a name).
_im_bill_words() {
  local word
  while IFS= read -r word; do COMPREPLY+=("$word"); done < <(compgen -W "$*" -- "$cur")
}

# The shell's own glob of what is typed, one name per element: a name with a newline, a
# space, [ ] or * stays whole. A leading ~ is the home folder.
_im_bill_files() {
  local typed="$cur" path
  compopt -o filenames 2>/dev/null
  [[ "$typed" == "~/"* ]] && typed="$HOME/\${typed:2}"
  for path in "$typed"*; do
    [[ -e "$path" || -L "$path" ]] && COMPREPLY+=("$path")
  done
}

${name}() {
  COMPREPLY=()
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  # --plan=pro: bash splits the word at "=".
  if [[ "$cur" == "=" ]]; then cur=""; elif [[ "$prev" == "=" ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ "\${COMP_WORDS[i]}" != -* ]]; then command="\${COMP_WORDS[i]}"; break; fi
  done
  case "$command" in
    "")
      if [[ "$cur" == -* ]]; then _im_bill_words ${names(spec.options)}
      else _im_bill_words ${words(spec.commands.map((command) => command.name))}; fi
      ;;
${commandCases}
  esac
}

complete -F ${name} ${spec.name}
`;
}

// zsh: _describe lists names with their descriptions; _files offers paths.
function zsh(spec: ProgramSpec): string {
  const name = functionName(spec);
  /** name:description, with the colons of the name escaped. */
  const described = (list: { names: string[]; description: string }[]) =>
    list
      .flatMap((item) => item.names.map((each) => quote(`${each.replace(/:/g, "\\:")}:${item.description}`)))
      .join(" ");
  const reply = (values: Values) =>
    [values.words.length > 0 ? `compadd -- ${words(values.words)}` : "", values.files ? "_files" : ""]
      .filter(Boolean)
      .join("; ") || ":";
  const valueCases = (options: OptionSpec[]) =>
    byReply(options, reply)
      .map(([patterns, action]) => `        ${patterns}) ${action}; return ;;`)
      .join("\n");
  const commandCases = spec.commands
    .map((command) => {
      const options = optionsOf(command, spec);
      return [
        `    ${quote(command.name)})`,
        `      case $prev in`,
        valueCases(options),
        `      esac`,
        `      if [[ $cur == -* ]]; then options=(${described(options)}); _describe -t options option options; return; fi`,
        command.operands ? `      ${reply(command.operands)}` : "",
        `      ;;`,
      ]
        .filter(Boolean)
        .join("\n");
    })
    .join("\n");
  return `#compdef ${spec.name}
${header(spec, "zsh", `Install: ${spec.name} completion zsh > ~/.zfunc/_${spec.name} with ~/.zfunc in $fpath before compinit, or source <(${spec.name} completion zsh) after compinit.`)}

${name}() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} command="" i
  local -a options commands
  for ((i = 2; i < CURRENT; i++)); do
    if [[ \${words[i]} != -* ]]; then command=\${words[i]}; break; fi
  done
  case $command in
    "")
      if [[ $cur == -* ]]; then options=(${described(spec.options)}); _describe -t options option options
      else commands=(${described(spec.commands.map((command) => ({ names: [command.name], description: command.description })))}); _describe -t commands command commands; fi
      ;;
${commandCases}
  esac
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  ${name} "$@"
else
  compdef ${name} ${spec.name}
fi
`;
}

// fish: one \`complete\` line per command, option and value list.
function fish(spec: ProgramSpec): string {
  const seen = (command: CommandSpec) => `-n ${fishQuote(`__fish_seen_subcommand_from ${command.name}`)}`;
  const option = (condition: string, option: OptionSpec) => {
    const flags = option.names.map((each) => (each.startsWith("--") ? `-l ${each.slice(2)}` : `-s ${each.slice(1)}`));
    const value = option.value;
    const takes =
      value === undefined
        ? ""
        : value.files
          ? ` -r -F${value.words.length > 0 ? ` -a ${fishQuote(value.words.join(" "))}` : ""}`
          : ` -x${value.words.length > 0 ? ` -a ${fishQuote(value.words.join(" "))}` : ""}`;
    return `complete -c ${spec.name} ${condition} ${flags.join(" ")}${takes} -d ${fishQuote(option.description)}`;
  };
  const lines = [
    header(spec, "fish", `Install: ${spec.name} completion fish > ~/.config/fish/completions/${spec.name}.fish`),
    "",
    `# No file names unless a command or an option takes one.`,
    `complete -c ${spec.name} -f`,
    ...spec.options.map((each) => option(`-n __fish_use_subcommand`, each)),
    ...spec.commands.map(
      (command) =>
        `complete -c ${spec.name} -n __fish_use_subcommand -a ${fishQuote(command.name)} -d ${fishQuote(command.description)}`,
    ),
  ];
  for (const command of spec.commands) {
    lines.push(...optionsOf(command, spec).map((each) => option(seen(command), each)));
    const operands = command.operands;
    if (operands?.words.length)
      lines.push(`complete -c ${spec.name} ${seen(command)} -a ${fishQuote(operands.words.join(" "))}`);
    if (operands?.files) lines.push(`complete -c ${spec.name} ${seen(command)} -F`);
  }
  return `${lines.join("\n")}\n`;
}
