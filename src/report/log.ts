import * as core from '@actions/core';
import { printable } from '../text/printable.js';
import { redact } from '../text/secrets.js';

/** One line as shown: no secret, nothing a runner would act on. */
function shown(line: string): string {
  return printable(redact(line));
}

/**
 * The action's log. Every line goes through `printable`, so no file name or API message can become a workflow
 * command or split a line, and through `redact`, a last guard for secrets in library errors (network text is
 * redacted where it enters our errors). The rest of the code logs only through here (ESLint keeps it so).
 */
export const log = {
  info(line: string): void {
    core.info(shown(line));
  },
  /** An annotation; `file` ties it to a source (the runner escapes properties itself). */
  warning(line: string, file?: string): void {
    core.warning(shown(line), file === undefined ? {} : { file });
  },
  notice(line: string, file?: string): void {
    core.notice(shown(line), file === undefined ? {} : { file });
  },
  error(line: string, file?: string): void {
    core.error(shown(line), file === undefined ? {} : { file });
  },
  group(title: string, lines: readonly string[]): void {
    core.startGroup(shown(title));
    // One write for the whole list, redacted at once (NUL is in no name nor secret): 10,000 writes of a line,
    // each redacted on its own, cost more than the listing itself.
    if (lines.length > 0) core.info(redact(lines.join('\0')).split('\0').map(printable).join('\n'));
    core.endGroup();
  },
  /** Fails the step with one error line. */
  fail(line: string): void {
    core.setFailed(shown(line));
  }
};
