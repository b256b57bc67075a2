// The words of `--help`, in English and Chinese: each command's and option's
// description, the examples' explanations, and commander's own titles. Flags, file
// names and commands stay as they are typed.
import type { Lang } from "./lang.js";

const en = {
  program: {
    description: "Estimate the monthly bill of Tencent Cloud IM (即时通信 IM), exact to the fen.",
    noColor: "no colours (also: NO_COLOR=1)",
    debug: "show internals (stack traces) on errors",
    noConfig: 'ignore the project config (im-bill.config.json or .yaml, or "im-bill" in package.json)',
    version: "print the version",
    help: "show help for a command",
    helpCommand: "show help for a command",
    after:
      "\nWith no command, on a terminal: a guided estimate, question by question.\nRun `im-bill <command> --help` for a command's options and examples.\nDocs: README.md",
  },
  titles: {} as Record<string, string>,
  /** commander's words in usage lines ("[options]"); argument names stay as they are */
  placeholders: {} as Record<string, string>,
  choices: (list: string) => `choices: ${list}`,
  default: (value: string) => `default: ${value}`,
  examples: "Examples:",
  file: {
    argument: "scenario file, the same as --file",
    option: "scenario file, JSON or YAML (- reads stdin)",
  },
  flags: {
    "--plan": "edition: trial, pro, flagship or enterprise (体验版, 专业版, 旗舰版, 企业版, ultimate)",
    "--name": "a name for the scenario",
    "--dau": "monthly peak DAU (25000, 25,000, 25k and 2.5万 all work)",
    "--groups": "monthly peak group count",
    "--live-groups": "live groups (AVChatRoom) existing at once",
    "--bandwidth-mainland": "each day's peak danmaku bandwidth in mainland China, Mbps",
    "--bandwidth-intl": "each day's peak danmaku bandwidth outside mainland China, Mbps",
    "--bandwidth-days": "days of the month with that bandwidth (default 30)",
    "--group-member-limit": "members the largest group needs",
    "--groups-per-user": "groups one user needs to join",
    "--history-days": "days of message history to keep",
    "--security-strike": "buy the security strike service (安全打击)",
    "--no-security-strike": "do not buy it (overrides the file)",
    "--addon": "buy an add-on of the catalog on request, e.g. securityStrike (repeatable)",
    "--unlimited-live-groups": "need unlimited live groups whatever the count",
    "--no-unlimited-live-groups": "do not (overrides the file)",
  } as Record<string, string>,
  lang: "language of labels and messages (default: from the locale)",
  pricing: "price catalog, JSON or YAML: a whole one, or an overlay that extends a built-in one",
  catalog:
    "a built-in price list, such as tencent-im-cn-2020 (see im-bill catalogs); default: the list in effect on the day",
  on: "the day the bill is for, YYYY-MM-DD, YYYY-MM or today (default: today): the list in effect then prices it",
  discount: "a discount, e.g. 15%, on what the catalog discounts (package and add-ons by default)",
  output: "write the report to a file, atomically",
  format: "output format",
  estimate: {
    description: "estimate the monthly bill of one scenario",
    strict: "exit 1 when the edition cannot serve the scenario",
    maxTotal: "exit 1 when the total is above this budget, e.g. 6000",
    usageCsv: "daily usage (date, dau, groups…): an estimate per calendar month",
    noExplain: "leave out each line's formula in the table",
    interactive: "answer questions instead of giving flags (flags given become answers)",
    examples: [
      ["im-bill estimate --plan pro --dau 25000", ""],
      ["im-bill estimate --plan flagship --dau 80k --live-groups 200 --bandwidth-mainland 100", ""],
      ["im-bill estimate examples/live-streaming-flagship.json --format json", ""],
      ["im-bill estimate --file app.yaml --dau 40000", "flags override the file"],
      ["im-bill estimate --plan pro --dau 25k --pricing our-prices.yaml --discount 15%", ""],
      ["cat scenario.json | im-bill estimate --file - --strict", ""],
      ["im-bill estimate app.yaml --max-total 6000", "exit 1 above the budget"],
      ["im-bill estimate --plan pro --usage-csv daily.csv", "real usage: a bill per month"],
      ["im-bill estimate -i --plan pro", "questions for the rest"],
    ] as [string, string][],
    footer: "",
  },
  batch: {
    description: "price many scenarios (files, directories, patterns, - for stdin) into one report",
    paths: "scenario files, directories, glob patterns, or - for stdin",
    format: "report format (default: table on a terminal, else jsonl; or from --output's extension)",
    bom: "start CSV with a byte-order mark (for spreadsheet apps)",
    strict: "exit 1 when an edition cannot serve its scenario",
    examples: [
      ["im-bill batch scenarios/", "every .json, .jsonl, .yaml, .yml under it"],
      ['im-bill batch "apps/**/*.yaml" --format csv --output bills.csv', ""],
      ["im-bill batch what-ifs.jsonl --format jsonl | jq .total", ""],
      ["cat scenarios.jsonl | im-bill batch - --format json", ""],
      ["im-bill batch scenarios/ --format markdown >> $GITHUB_STEP_SUMMARY", ""],
    ] as [string, string][],
    footer:
      'Each scenario is named by its "name", else by where it is: file, file#n (n-th of a list),\nfile:line (JSONL). Exit 0: all priced; 2: some input was invalid (the report lists it);\n1: with --strict, some edition cannot serve its scenario.',
  },
  check: {
    description: "check scenarios against their expected totals, lines and violations (for CI)",
    paths: "scenario files, directories, glob patterns, or - for stdin",
    update:
      "write the current results into what each expect block states (keeps maxTotal), and pin the list that priced a scenario that pins none",
    dryRun: "with --update: say what would change, write nothing, exit 1 if anything would",
    requireExpect: "a scenario without expectations fails",
    examples: [
      ["im-bill check scenarios/", ""],
      ["im-bill check scenarios/ --format junit --output check.xml", ""],
      ["im-bill check --update scenarios/app.yaml", 'write the current bill into "expect"'],
      ["im-bill check --update --dry-run scenarios/", "fail when an expectation is stale"],
    ] as [string, string][],
    footer:
      'A scenario\'s "expect" block: { "total": "4999.00", "maxTotal": "6000.00",\n"lines": { "overage.dau": "2000.00" }, "violations": [] }.\nExit 0: all pass; 1: some expectation failed (or is missing, with --require-expect);\n2: invalid input.',
  },
  compare: {
    description: "price the same usage and needs on every edition, and recommend one",
    examples: [
      ["im-bill compare --dau 25000 --live-groups 60 --group-member-limit 2000 --history-days 30", ""],
      ["im-bill compare examples/community-large-groups.yaml --format markdown", ""],
    ] as [string, string][],
    footer:
      "The plan of a file or --plan is ignored: every edition is priced. The recommendation is\nthe cheapest edition that fits; at the same price, the one that includes more.",
  },
  forecast: {
    description: "forecast the bill month by month as usage grows",
    months: "how many months, 1–120",
    start: "the purchase day, YYYY-MM-DD: dates the months and lists the billing calendar",
    dauGrowth: "peak DAU growth per month, e.g. 8%",
    groupsGrowth: "peak group count growth per month",
    bandwidthGrowth: "danmaku bandwidth growth per month",
    autoPlan: "the cheapest edition that fits, month by month",
    chart: "a chart of the monthly totals (shown by default on a terminal)",
    noChart: "no chart",
    examples: [
      ["im-bill forecast --file app.json --months 12 --dau-growth 8% --groups-growth 3%", ""],
      ["im-bill forecast app.json --months 36 --dau-growth 5% --auto-plan --start 2026-12-15", ""],
      ["im-bill forecast app.json --months 12 --dau-growth 10% --format csv > forecast.csv", ""],
    ] as [string, string][],
    footer:
      "Month 1 is the scenario; each later month compounds each growth rate (users and groups\nrounded up). --auto-plan takes the cheapest edition that fits each month, never going\nback to Trial once left. With --start (the purchase day T) the billing calendar lists\neach charge: prepaid items on the first day of each package period (T to T-1 of the\nnext month; in a month without day T, its last day), postpaid items on the 3rd of the\nmonth after their calendar month; each month is priced with the list in effect then.",
  },
  diff: {
    description: "compare two scenarios' bills (or saved estimates), line by line",
    before: "scenario file or saved JSON estimate",
    after: "scenario file or saved JSON estimate",
    failAbove: "exit 1 when the total rises by more than this, e.g. 500 or 10%",
    title: "a heading for the markdown output",
    rate: "compare sides in two currencies at this rate, e.g. USD:CNY=7.1 (1 USD = 7.1 CNY)",
    examples: [
      ["im-bill diff before.json after.json", ""],
      ["git show main:scenarios/app.json > /tmp/app.main.json", ""],
      ["im-bill diff /tmp/app.main.json scenarios/app.json --format markdown --fail-above 10%", ""],
      ["im-bill estimate app.json --format json > bill.json; im-bill diff bill.json app.json", ""],
    ] as [string, string][],
    footer:
      "Each side is a scenario file (priced now) or a saved estimate (--format json output).\nMarkers: + added, − removed, ~ changed. Exit 1 with --fail-above when the total rises\nby more than the amount or percentage.",
  },
  prices: {
    description: "show the price catalog: packages, overage, add-ons, limits, sources",
    examples: [
      ["im-bill prices", ""],
      ["im-bill prices --lang zh --format markdown > prices.md", ""],
      ["im-bill prices --pricing our-prices.yaml --format json", "the resolved catalog"],
    ] as [string, string][],
    footer: "",
  },
  schema: {
    description: "print the JSON Schema (2020-12) of scenario files, price catalogs, estimates or the project config",
    kind: "which format",
    examples: [
      ["im-bill schema scenario > scenario.schema.json", ""],
      ["im-bill schema estimate", ""],
    ] as [string, string][],
    footer:
      'Scenario files (and configs) may name it in "$schema" so that editors check and complete them.\nThe package ships them too: node_modules/im-bill/schemas/<kind>.schema.json',
  },
  catalogs: {
    description: "list the built-in price lists and their dates; --diff compares two catalogs figure by figure",
    diff: "one catalog (compared with today's list) or two: built-in ids or --pricing files",
    examples: [
      ["im-bill catalogs", ""],
      ["im-bill catalogs --format json", ""],
      ["im-bill catalogs --diff tencent-im-cn-2020 tencent-im-cn-2024", ""],
      ["im-bill catalogs --diff tencent-im-cn-2020", "against the list in effect today"],
      ["im-bill catalogs --diff tencent-im-cn-2024 catalogs/acme-negotiated.yaml", "a --pricing file"],
    ] as [string, string][],
    footer: "",
  },
  completion: {
    description: "print a shell completion script (bash, zsh or fish): commands, options, their values and files",
    shell: "the shell",
    examples: [
      ["im-bill completion bash > ~/.local/share/bash-completion/completions/im-bill", ""],
      ["im-bill completion zsh > ~/.zfunc/_im-bill", "a folder in $fpath, before compinit"],
      ["im-bill completion fish > ~/.config/fish/completions/im-bill.fish", ""],
      ["source <(im-bill completion bash)", "this shell only (zsh too)"],
    ] as [string, string][],
    footer:
      "The descriptions are in the language of the script's --lang. Print the script again after an upgrade:\nit lists the commands and options of the im-bill that printed it.",
  },
};

export type Help = typeof en;

const zh: Help = {
  program: {
    description: "估算腾讯云即时通信 IM 的月度费用，精确到分。",
    noColor: "不使用颜色（也可设置 NO_COLOR=1）",
    debug: "出错时显示内部信息（调用栈）",
    noConfig: '忽略项目配置（im-bill.config.json 或 .yaml，或 package.json 中的 "im-bill"）',
    version: "显示版本号",
    help: "显示命令的帮助",
    helpCommand: "显示命令的帮助",
    after:
      "\n不带命令在终端中运行时：逐项提问的引导式估算。\n运行 `im-bill <命令> --help` 查看该命令的选项与示例。\n文档：README.md",
  },
  titles: {
    "Usage:": "用法：",
    "Arguments:": "参数：",
    "Options:": "选项：",
    "Commands:": "命令：",
    "Global Options:": "全局选项：",
  },
  placeholders: { "[options]": "[选项]", "[command]": "[命令]" },
  choices: (list) => `可选：${list}`,
  default: (value) => `默认：${value}`,
  examples: "示例：",
  file: {
    argument: "场景文件，与 --file 相同",
    option: "场景文件，JSON 或 YAML（- 表示读取标准输入）",
  },
  flags: {
    "--plan": "版本：trial、pro、flagship 或 enterprise（体验版、专业版、旗舰版、企业版、ultimate）",
    "--name": "场景名称",
    "--dau": "月峰值 DAU（25000、25,000、25k、2.5万 均可）",
    "--groups": "月峰值群组数",
    "--live-groups": "同时存在的直播群（AVChatRoom）数",
    "--bandwidth-mainland": "国内直播群弹幕每日峰值带宽，Mbps",
    "--bandwidth-intl": "国际直播群弹幕每日峰值带宽，Mbps",
    "--bandwidth-days": "当月使用该带宽的天数（默认 30）",
    "--group-member-limit": "最大群需要的成员数",
    "--groups-per-user": "单个用户需要加入的群组数",
    "--history-days": "历史消息需要保存的天数",
    "--security-strike": "购买安全打击服务",
    "--no-security-strike": "不购买（覆盖文件中的设置）",
    "--addon": "按需购买价格表中的增值服务，例如 securityStrike（可重复）",
    "--unlimited-live-groups": "无论数量多少都需要无上限的直播群",
    "--no-unlimited-live-groups": "不需要（覆盖文件中的设置）",
  },
  lang: "标签与提示的语言（默认：取自系统区域设置）",
  pricing: "价格表文件，JSON 或 YAML：完整价格表，或扩展某个内置价格表的覆盖文件",
  catalog: "内置价格表，例如 tencent-im-cn-2020（见 im-bill catalogs）；默认为账单日期当日生效的价格表",
  on: "账单日期，格式 YYYY-MM-DD、YYYY-MM 或 today（默认今天）：按当日生效的价格表计价",
  discount: "折扣，例如 15%，作用于价格表规定的部分（默认为套餐包与增值服务）",
  output: "将报告写入文件（原子写入）",
  format: "输出格式",
  estimate: {
    description: "估算一个场景的月度费用",
    strict: "版本无法满足场景时以 1 退出",
    maxTotal: "合计超出此预算时以 1 退出，例如 6000",
    usageCsv: "每日用量（date、dau、groups…）：按自然月分别估算",
    noExplain: "表格中不显示各计费项的计算方式",
    interactive: "以问答代替参数（已给出的参数即为答案）",
    examples: [
      ["im-bill estimate --plan pro --dau 25000", ""],
      ["im-bill estimate --plan flagship --dau 80k --live-groups 200 --bandwidth-mainland 100", ""],
      ["im-bill estimate examples/live-streaming-flagship.json --format json", ""],
      ["im-bill estimate --file app.yaml --dau 40000", "参数覆盖文件中的值"],
      ["im-bill estimate --plan pro --dau 25k --pricing our-prices.yaml --discount 15%", ""],
      ["cat scenario.json | im-bill estimate --file - --strict", ""],
      ["im-bill estimate app.yaml --max-total 6000", "超出预算时以 1 退出"],
      ["im-bill estimate --plan pro --usage-csv daily.csv", "实际用量：每月一份账单"],
      ["im-bill estimate -i --plan pro", "其余内容以问答给出"],
    ],
    footer: "",
  },
  batch: {
    description: "为多个场景（文件、目录、模式、- 表示标准输入）计价并生成一份报告",
    paths: "场景文件、目录、glob 模式，或 - 表示标准输入",
    format: "报告格式（默认：终端中为 table，否则为 jsonl；或取自 --output 的扩展名）",
    bom: "CSV 以字节顺序标记开头（便于电子表格软件打开）",
    strict: "有版本无法满足其场景时以 1 退出",
    examples: [
      ["im-bill batch scenarios/", "其中所有 .json、.jsonl、.yaml、.yml 文件"],
      ['im-bill batch "apps/**/*.yaml" --format csv --output bills.csv', ""],
      ["im-bill batch what-ifs.jsonl --format jsonl | jq .total", ""],
      ["cat scenarios.jsonl | im-bill batch - --format json", ""],
      ["im-bill batch scenarios/ --format markdown >> $GITHUB_STEP_SUMMARY", ""],
    ],
    footer:
      '每个场景以其 "name" 命名，没有时以其位置命名：file、file#n（列表中第 n 个）、\nfile:line（JSONL）。退出码 0：全部已计价；2：有输入无效（报告中列出）；\n1：使用 --strict 时有版本无法满足其场景。',
  },
  check: {
    description: "检查场景的合计、计费项与不满足项是否符合预期（用于 CI）",
    paths: "场景文件、目录、glob 模式，或 - 表示标准输入",
    update: "将当前结果写入各 expect 已列出的项（保留 maxTotal），并为未固定价格表的场景固定计价所用的价格表",
    dryRun: "与 --update 一起使用：只列出将要更改的内容，不写入；有更改时退出码为 1",
    requireExpect: "没有预期的场景视为失败",
    examples: [
      ["im-bill check scenarios/", ""],
      ["im-bill check scenarios/ --format junit --output check.xml", ""],
      ["im-bill check --update scenarios/app.yaml", '将当前账单写入 "expect"'],
      ["im-bill check --update --dry-run scenarios/", "预期已过时则失败"],
    ],
    footer:
      '场景的 "expect"：{ "total": "4999.00", "maxTotal": "6000.00",\n"lines": { "overage.dau": "2000.00" }, "violations": [] }。\n退出码 0：全部通过；1：有预期未满足（或使用 --require-expect 时缺少预期）；\n2：输入无效。',
  },
  compare: {
    description: "以相同用量与需求为每个版本计价，并给出推荐",
    examples: [
      ["im-bill compare --dau 25000 --live-groups 60 --group-member-limit 2000 --history-days 30", ""],
      ["im-bill compare examples/community-large-groups.yaml --format markdown", ""],
    ],
    footer: "忽略文件中的 plan 或 --plan：为每个版本计价。推荐满足需求的最便宜版本；\n价格相同时推荐包含更多的版本。",
  },
  forecast: {
    description: "随用量增长逐月预测费用",
    months: "月数，1–120",
    start: "购买日，YYYY-MM-DD：为各月标注日期并列出扣费日历",
    dauGrowth: "峰值 DAU 每月增长率，例如 8%",
    groupsGrowth: "峰值群组数每月增长率",
    bandwidthGrowth: "弹幕带宽每月增长率",
    autoPlan: "逐月选择满足需求的最便宜版本",
    chart: "月度合计的图表（在终端中默认显示）",
    noChart: "不显示图表",
    examples: [
      ["im-bill forecast --file app.json --months 12 --dau-growth 8% --groups-growth 3%", ""],
      ["im-bill forecast app.json --months 36 --dau-growth 5% --auto-plan --start 2026-12-15", ""],
      ["im-bill forecast app.json --months 12 --dau-growth 10% --format csv > forecast.csv", ""],
    ],
    footer:
      "第 1 月即为场景本身；之后每月按各增长率复合增长（用户数与群组数向上取整）。\n--auto-plan 每月选择满足需求的最便宜版本，离开体验版后不再退回。\n给出 --start（购买日 T）时列出扣费日历：预付项目在每个套餐周期首日扣费\n（T 日至次月 T-1 日；当月没有 T 日时为当月最后一天），后付项目在其自然月的\n次月 3 日扣费；每月按当时生效的价格表计价。",
  },
  diff: {
    description: "逐项比较两个场景（或保存的估算结果）的账单",
    before: "场景文件或保存的 JSON 估算结果",
    after: "场景文件或保存的 JSON 估算结果",
    failAbove: "合计增加超过此值时以 1 退出，例如 500 或 10%",
    title: "markdown 输出的标题",
    rate: "按此汇率比较两种币种的两侧，例如 USD:CNY=7.1（1 美元 = 7.1 人民币）",
    examples: [
      ["im-bill diff before.json after.json", ""],
      ["git show main:scenarios/app.json > /tmp/app.main.json", ""],
      ["im-bill diff /tmp/app.main.json scenarios/app.json --format markdown --fail-above 10%", ""],
      ["im-bill estimate app.json --format json > bill.json; im-bill diff bill.json app.json", ""],
    ],
    footer:
      "两侧均可为场景文件（当场计价）或保存的估算结果（--format json 的输出）。\n标记：+ 新增、− 移除、~ 变化。使用 --fail-above 时，合计增加超过该金额或百分比则以 1 退出。",
  },
  prices: {
    description: "显示价格表：套餐包、超量费用、增值服务、限制与来源",
    examples: [
      ["im-bill prices", ""],
      ["im-bill prices --lang zh --format markdown > prices.md", ""],
      ["im-bill prices --pricing our-prices.yaml --format json", "合并后的价格表"],
    ],
    footer: "",
  },
  schema: {
    description: "输出场景文件、价格表、估算结果或项目配置的 JSON Schema（2020-12）",
    kind: "哪种格式",
    examples: [
      ["im-bill schema scenario > scenario.schema.json", ""],
      ["im-bill schema estimate", ""],
    ],
    footer:
      '场景文件（及项目配置）可在 "$schema" 中引用它，让编辑器检查与补全。\n安装包中也附带这些文件：node_modules/im-bill/schemas/<kind>.schema.json',
  },
  catalogs: {
    description: "列出内置价格表及其适用期间；--diff 逐项比较两个价格表",
    diff: "一个价格表（与今日价格表比较）或两个：内置 id 或 --pricing 文件",
    examples: [
      ["im-bill catalogs", ""],
      ["im-bill catalogs --format json", ""],
      ["im-bill catalogs --diff tencent-im-cn-2020 tencent-im-cn-2024", ""],
      ["im-bill catalogs --diff tencent-im-cn-2020", "与今日生效的价格表比较"],
      ["im-bill catalogs --diff tencent-im-cn-2024 catalogs/acme-negotiated.yaml", "--pricing 文件"],
    ],
    footer: "",
  },
  completion: {
    description: "输出 shell 补全脚本（bash、zsh 或 fish）：补全命令、选项、选项的取值与文件",
    shell: "哪种 shell",
    examples: [
      ["im-bill completion bash > ~/.local/share/bash-completion/completions/im-bill", ""],
      ["im-bill completion zsh > ~/.zfunc/_im-bill", "$fpath 中的目录，在 compinit 之前"],
      ["im-bill completion fish > ~/.config/fish/completions/im-bill.fish", ""],
      ["source <(im-bill completion bash)", "仅当前 shell（zsh 亦可）"],
    ],
    footer:
      "补全说明的语言取决于生成脚本时的 --lang。升级后请重新生成脚本：\n脚本列出的是生成它的 im-bill 的命令与选项。",
  },
};

export const help: Record<Lang, Help> = { en, zh };

/** A command's examples block for `--help` (after its options): a note beside its command, or under a long one. */
export function examplesText(h: Help, examples: readonly [string, string][], footer: string): string {
  const SHORT = 48;
  const width = examples.reduce(
    (widest, [command]) => (command.length <= SHORT ? Math.max(widest, command.length) : widest),
    0,
  );
  const lines = examples.map(([command, note]) =>
    !note
      ? `  $ ${command}`
      : command.length <= SHORT
        ? `  $ ${command.padEnd(width)}   (${note})`
        : `  $ ${command}\n      (${note})`,
  );
  return `\n${h.examples}\n${lines.join("\n")}\n${footer ? `\n${footer}` : ""}`;
}
