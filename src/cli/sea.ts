// The standalone executable's entry (`npm run build:sea`): what bin/im-bill.cjs does,
// with the whole CLI and its dependencies bundled in (the executable has no node_modules).
import { processIo, run } from "./main.js";

// In an executable, argv[1] is the executable again: the user's words start at 2, as with node.
void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
  // Interrupted (Ctrl-C 130, SIGTERM 143): the work may still be waiting on stdin.
  if (code === 130 || code === 143) process.exit(code);
});
