// A real pseudo-terminal for end-to-end tests: tmux runs a command, keys are typed, the
// screen is read back. `.ci/run` installs tmux where it is missing.
import { execFileSync, spawnSync } from "node:child_process";

export interface Terminal {
  screen(): string;
  /** the screen with its colours and attributes, as escape sequences */
  colouredScreen(): string;
  keys(...keys: string[]): string;
  waitFor(text: string | RegExp, timeout?: number): Promise<void>;
}

/** One tmux server per test file; `close` ends it and every session in it. */
export function tmuxServer() {
  const socket = `im-bill-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  return {
    close: () => void spawnSync("tmux", ["-L", socket, "kill-server"]),
    /** A 100×60 terminal in `cwd` running `command` (a shell line), left open when it ends. */
    session: (name: string, cwd: string, command: string, env: Record<string, string> = {}): Terminal => {
      const environment = Object.entries({ LANG: "C.UTF-8", ...env }).flatMap(([key, value]) => [
        "-e",
        `${key}=${value}`,
      ]);
      tmux(
        "new-session",
        "-d",
        "-s",
        name,
        "-x",
        "100",
        "-y",
        "60",
        "-c",
        cwd,
        ...environment,
        `${command}; echo EXIT=$?; sleep 60`,
      );
      const screen = () => tmux("capture-pane", "-p", "-t", name, "-S", "-200");
      return {
        screen,
        colouredScreen: () => tmux("capture-pane", "-p", "-e", "-t", name, "-S", "-200"),
        keys: (...keys: string[]) => tmux("send-keys", "-t", name, ...keys),
        async waitFor(text, timeout = 15_000) {
          const start = Date.now();
          const found = () => (typeof text === "string" ? screen().includes(text) : text.test(screen()));
          while (!found()) {
            if (Date.now() - start > timeout) throw new Error(`"${text}" never appeared; the screen:\n${screen()}`);
            await new Promise((done) => setTimeout(done, 50));
          }
        },
      };
    },
  };
}
