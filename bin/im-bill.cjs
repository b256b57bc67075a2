#!/usr/bin/env node
const { run, processIo } = require("../dist/launch.cjs");

// A closed pipe (`im-bill … | head -1`) is not an error worth a stack trace.
process.stdout.on("error", (error) => process.exit(error.code === "EPIPE" ? 0 : 1));
run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
  // Interrupted (Ctrl-C 130, SIGTERM 143): the work may still be waiting on stdin.
  if (code === 130 || code === 143) process.exit(code);
});
