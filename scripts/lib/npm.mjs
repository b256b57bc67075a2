// How a script runs npm: under npm (an npm script), npm's own CLI (npm_execpath) run by
// this Node, with no shell, on every platform; else the npm on PATH (npm.cmd, through a
// shell, on Windows).

/** The file, arguments and shell setting that run `npm …args`. */
export function npmInvocation(args) {
  const execPath = process.env.npm_execpath;
  const viaNode = execPath !== undefined && /\.[cm]?js$/.test(execPath);
  return {
    file: viaNode ? process.execPath : process.platform === "win32" ? "npm.cmd" : "npm",
    args: [...(viaNode ? [execPath] : []), ...args],
    shell: !viaNode && process.platform === "win32",
  };
}
