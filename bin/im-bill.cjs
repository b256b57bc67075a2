#!/usr/bin/env node
let launch;
try {
  launch = require("../dist/launch.cjs");
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND" || !String(error.message).includes("launch.cjs")) throw error;
  // A checkout that was installed but not built (an installed package always has dist/).
  const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "");
  process.stderr.write(
    zh
      ? "im-bill 尚未构建：请在其目录中运行 `npm run build`。\n"
      : "im-bill is not built: run `npm run build` in its folder.\n",
  );
  process.exit(2);
}
const { run, processIo } = launch;

// A closed pipe (`im-bill … | head -1`) is not an error worth a stack trace.
process.stdout.on("error", (error) => process.exit(error.code === "EPIPE" ? 0 : 1));
run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
  // Interrupted (Ctrl-C 130, SIGTERM 143): the work may still be waiting on stdin.
  if (code === 130 || code === 143) process.exit(code);
});
