/** How errors read in the log and in answers to the client. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** With the stack, for the log. */
export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
