import type { Discovery } from '../pipeline/discovery.js';
import type { RetryEvent } from '../async/retry.js';
import type { SourceResult } from '../state/results.js';
import { resultLine, retryLine } from '../report/presentation.js';
import { printable } from '../text/printable.js';

/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** What the command line shows while the job runs. */
export interface Progress {
  discovered(discovery: Discovery): void;
  result(result: SourceResult, done: number, total: number): void;
  retry(file: string, event: RetryEvent): void;
  /** Takes the bar away, if there is one. */
  finish(): void;
}

/** The action's result line; a note on an upscaled source (the action's separate warning) goes on the same line. */
export function describe(result: SourceResult, done: number, total: number): string {
  const note = result.status === 'upscaled' && result.error ? `; ${result.error}` : '';
  return printable(`${resultLine(result, done, total)}${note}`);
}

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const hours = Math.floor(minutes / 60);
  const ss = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes % 60).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** One line per finished image: for pipes, logs and CI. */
export function lineProgress(stream: ProgressStream): Progress {
  return {
    discovered: discovery => stream.write(`Found ${discovery.sources.length} image(s).\n`),
    result: (result, done, total) => stream.write(`${describe(result, done, total)}\n`),
    retry: (file, event) => stream.write(`${printable(retryLine(file, event))}\n`),
    finish: () => undefined
  };
}

const BAR_WIDTH = 24;

/**
 * A bar redrawn in place on a terminal: done/total, failures and the time left, judged from the pace so far.
 * Failures and retries are printed above it, so they stay on screen.
 */
export function barProgress(stream: ProgressStream, now: () => number = () => performance.now()): Progress {
  const started = now();
  let total = 0;
  let done = 0;
  let failed = 0;
  let shown = false;

  const bar = (): string => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const elapsed = (now() - started) / 1000;
    const eta = done === 0 ? '…' : clock((elapsed / done) * (total - done));
    const failures = failed > 0 ? ` · ${failed} failed` : '';
    const line = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${failures} · ETA ${eta}`;
    return stream.columns ? line.slice(0, Math.max(0, stream.columns - 1)) : line;
  };
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  const draw = (): void => {
    stream.write(`\r\x1b[2K${bar()}`);
    shown = true;
  };
  const above = (line: string): void => {
    clear();
    stream.write(`${line}\n`);
    draw();
  };

  return {
    discovered: discovery => {
      total = discovery.sources.length;
      stream.write(`Found ${total} image(s).\n`);
      if (total > 0) draw();
    },
    result: (result, doneNow, totalNow) => {
      done = doneNow;
      total = totalNow;
      if (result.status === 'failed') failed += 1;
      if (result.status === 'failed' || result.status === 'unsafe') above(describe(result, doneNow, totalNow));
      else draw();
    },
    retry: (file, event) => above(printable(retryLine(file, event))),
    finish: clear
  };
}
