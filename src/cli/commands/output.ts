// Where a command's report goes: stdout, or a file written via a temporary file and a rename. The path is
// checked before any work, so a report that cannot be written never costs a whole analysis first.

import { writeFileSync, renameSync, rmSync, statSync, accessSync, constants } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { EXIT_NOTHING_ANALYSED, EXIT_USAGE, UserError } from './exit.js';

/** Throws a UserError when `out` (a file path; `-` or none is stdout) cannot be written. */
export function checkOutputPath(out: string | undefined): void {
  if (!out || out === '-') return;
  const dir = dirname(resolve(out));
  const fail = (why: string) => {
    throw new UserError(`cannot write the report to ${out}: ${why}`, EXIT_USAGE);
  };
  const info = statSync(dir, { throwIfNoEntry: false });
  if (!info) fail(`the folder ${dir} does not exist`);
  else if (!info.isDirectory()) fail(`${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    fail(`the folder ${dir} is not writable`);
  }
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) fail('it is a folder');
}

/** Writes via a temporary file and a rename, so a killed run never leaves a half-written report. */
export function writeOutput(out: string | undefined, content: string): void {
  if (!out || out === '-') {
    process.stdout.write(content.endsWith('\n') ? content : content + '\n');
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, out);
  } catch (err) {
    // Name the file the user asked for, not our temporary one, and leave no temporary file behind.
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write the report to ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, EXIT_NOTHING_ANALYSED);
  }
}
