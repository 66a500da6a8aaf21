import type { Logger as BoltLogger } from '@slack/bolt';

/**
 * A Bolt logger that replaces every occurrence of the given secrets in what
 * it logs. The WebClient's debug lines print request bodies, redacting only
 * keys named like `token`: `client_secret` in the oauth.v2.access body would
 * otherwise reach the log.
 */
export function scrubSecrets(inner: BoltLogger, secrets: readonly (string | undefined)[]): BoltLogger {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (part: unknown): unknown => {
    if (typeof part === 'string') return values.reduce((text, secret) => text.split(secret).join('[redacted]'), part);
    if (part instanceof Error) {
      part.message = scrub(part.message) as string;
      return part;
    }
    if (part && typeof part === 'object') {
      const json = JSON.stringify(part);
      return values.some((v) => json.includes(v)) ? scrub(json) : part;
    }
    return part;
  };
  const wrap =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]): void =>
      inner[method](...parts.map(scrub));
  return {
    debug: wrap('debug'),
    info: wrap('info'),
    warn: wrap('warn'),
    error: wrap('error'),
    setLevel: (l) => inner.setLevel(l),
    getLevel: () => inner.getLevel(),
    setName: (n) => inner.setName(n),
  };
}
