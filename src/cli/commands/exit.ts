// Exit codes and the one error a command throws for a person to act on: main prints its message as one
// line and exits with its code. Kept free of heavy imports, since main.ts loads it on every start.

export const EXIT_OK = 0;
export const EXIT_NOTHING_ANALYSED = 1;
export const EXIT_USAGE = 2;
/** An internal error (a bug): sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

export class UserError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}
