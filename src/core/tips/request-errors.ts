/**
 * Whether a failed HTTP request could have reached the platform, for the tip
 * posters: a post that might have gone out must never be re-sent.
 */

/** Errors raised before a single byte of the request left: connecting failed. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The `code`s and `name`s along an error's cause chain (fetch wraps the socket error in `cause`;
 * happy-eyeballs in an AggregateError).
 */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 5) return;
    seen.add(e);
    const { code, name, cause, errors, original } = e as {
      code?: unknown;
      name?: unknown;
      cause?: unknown;
      errors?: unknown;
      original?: unknown;
    };
    if (typeof code === 'string') codes.push(code);
    if (typeof name === 'string' && (name === 'TimeoutError' || name === 'AbortError')) codes.push(name);
    visit(cause, depth + 1);
    visit(original, depth + 1);
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
  };
  visit(err, 0);
  return codes;
}

/**
 * A network-level failure: `notSent` when the connection was never made (safe
 * to try again later), else the request may have reached the platform (a
 * timeout, a reset after sending), so nobody knows whether it posted.
 */
export function networkFailure(err: unknown): { notSent: boolean; detail: string } {
  const codes = errorCodes(err);
  if (codes.includes('TimeoutError') || codes.includes('AbortError')) return { notSent: false, detail: 'timed out' };
  const refused = codes.find((c) => NOT_SENT_CODES.has(c));
  if (refused) return { notSent: true, detail: refused };
  // The innermost code names the cause best (the outer ones are the library's wrappers).
  return { notSent: false, detail: codes.at(-1) ?? (err instanceof Error ? err.message : String(err)) };
}
