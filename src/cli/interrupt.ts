// Ctrl-C (SIGINT) and SIGTERM at any moment of a run: the cleanups registered (a temp
// report removed) run at once, and the run ends with 130 (143 for SIGTERM) even when
// its work is waiting on stdin. Node delivers a signal only when the event loop turns,
// so long work calls `checkpoint()`, which lets the loop turn every ~50 ms.
import { EXIT_INTERRUPTED, say, UserError } from "../errors.js";

export const EXIT_TERMINATED = 143;
const YIELD_EVERY_MS = 50;

/** Thrown at a checkpoint once the run was interrupted: unwinds the work. */
export class InterruptedError extends UserError {
  constructor(exitCode: number) {
    super(
      say((t) => t.interrupted),
      exitCode,
    );
    this.name = "InterruptedError";
  }
}

export class Interruption {
  #code: number | undefined;
  #cleanups = new Set<() => void>();
  #resolve!: (code: number) => void;
  #last = Date.now();
  /** Resolves with the exit code when the run is interrupted. */
  readonly interrupted: Promise<number> = new Promise((resolve) => (this.#resolve = resolve));

  interrupt(signal?: string): void {
    if (this.#code !== undefined) return;
    this.#code = signal === "SIGTERM" ? EXIT_TERMINATED : EXIT_INTERRUPTED;
    for (const cleanup of this.#cleanups) {
      try {
        cleanup();
      } catch {
        // a cleanup that fails must not keep the others from running
      }
    }
    this.#resolve(this.#code);
  }

  /** Run `cleanup` if the run is interrupted; returns the unregister function. */
  onInterrupt(cleanup: () => void): () => void {
    this.#cleanups.add(cleanup);
    return () => this.#cleanups.delete(cleanup);
  }

  /**
   * Throws once interrupted; every ~50 ms returns a promise that lets the event loop
   * turn (await it), so that a pending signal is delivered. Cheap enough per item.
   */
  checkpoint(): Promise<void> | undefined {
    if (this.#code !== undefined) throw new InterruptedError(this.#code);
    const now = Date.now();
    if (now - this.#last < YIELD_EVERY_MS) return undefined;
    this.#last = now;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      if (this.#code !== undefined) throw new InterruptedError(this.#code);
    });
  }
}
