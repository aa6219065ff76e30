/**
 * A small progress display for long demo loads: a bar redrawn in place on a terminal, plain lines
 * (a few per step) when the output is a file or a pipe, so logs stay readable.
 */
export interface Progress {
  /** `done` of `total` units of the step named `label`. */
  update(label: string, done: number, total: number): void;
  /** Ends the current line (a bar in place) before other output. */
  end(): void;
}

const WIDTH = 28;

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let current: { label: string; started: number; lastDraw: number; lastTenth: number } | undefined;
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const numbers = (done: number, total: number) =>
    `${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
  const end = () => {
    if (tty && current) stream.write('\n');
    current = undefined;
  };
  return {
    update(label, done, total) {
      if (current?.label !== label) {
        end();
        current = { label, started: Date.now(), lastDraw: 0, lastTenth: -1 };
      }
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const finished = done >= total;
      if (tty) {
        // Redraw at most ten times a second, and always at the end.
        if (!finished && Date.now() - current.lastDraw < 100) return;
        current.lastDraw = Date.now();
        const filled = Math.round(share * WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
        const line = `${label.padEnd(34)} ${bar} ${String(Math.round(share * 100)).padStart(3)}% ${numbers(done, total)} ${seconds(current.started)}`;
        stream.write(`\r${line}\x1b[K`);
        if (finished) end();
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth === current.lastTenth && !finished) return;
      current.lastTenth = tenth;
      if (finished || tenth > 0)
        stream.write(
          `${label}: ${numbers(done, total)} (${Math.round(share * 100)}%, ${seconds(current.started)})\n`,
        );
      if (finished) current = undefined;
    },
    end,
  };
}

/** A progress that shows nothing (npm start's default logs are enough for small loads). */
export const NO_PROGRESS: Progress = { update: () => undefined, end: () => undefined };
