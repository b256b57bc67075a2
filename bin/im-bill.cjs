#!/usr/bin/env node
const { run, processIo } = require("../dist/launch.cjs");

// A closed pipe (`im-bill … | head -1`) is not an error worth a stack trace.
process.stdout.on("error", (error) => process.exit(error.code === "EPIPE" ? 0 : 1));
run(process.argv.slice(2), processIo()).then((code) => (process.exitCode = code));
