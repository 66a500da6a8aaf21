/** What was starting when an error happened: it says which variables can be at fault. */
// A platform's name for its own start (the registry's names: 'slack', 'discord', ...).
export type StartupStep = 'store' | 'ops' | 'slack' | 'discord' | (string & {});

/** Node's network error codes that mean "could not reach the other end". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/** @slack/web-api's ErrorCode values. */
const SLACK_PLATFORM_ERROR = 'slack_webapi_platform_error';
const SLACK_REQUEST_ERROR = 'slack_webapi_request_error';
const SLACK_HTTP_ERROR = 'slack_webapi_http_error';

/** Slack errors that mean the token itself was refused. */
const SLACK_REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

/**
 * A message that starts with the environment variable at fault (our own
 * refusals, e.g. "TOKEN_ENCRYPTION_KEY does not open ...") already says what
 * to fix: no step's guess is put in front of it.
 */
export function namesItsVariable(message: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[: ]/.test(message);
}

/** A listen() failure turned into one that names PORT and the fix. */
export function listenError(err: Error, port: number): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new Error(
      `PORT: port ${port} is already in use (EADDRINUSE) by another process; ` +
        'stop that process or set PORT to a free port',
      { cause: err },
    );
  if (code === 'EACCES')
    return new Error(
      `PORT: port ${port} needs privileges this process does not have (EACCES); set PORT to 1024 or above`,
      { cause: err },
    );
  return err;
}

/** `host:port` of a postgres:// URL, never its user or password. */
export function databaseAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/**
 * One line for an operator: the variable to look at and what to do. Errors
 * not recognised keep their message, prefixed by the step; nothing here
 * echoes a secret (the database address is rebuilt without credentials).
 */
export function explainStartupError(
  step: StartupStep,
  err: unknown,
  env: { DATABASE_URL?: string | undefined; DATA_DIR?: string; SLACK_APP_TOKEN?: string | undefined },
): string {
  const e = err as Error & { code?: unknown; data?: { error?: unknown }; original?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = e instanceof Error ? e.message : String(err);
  if (/^PORT: /.test(message) || namesItsVariable(message)) return message;
  if (step === 'store' && env.DATABASE_URL) {
    const at = databaseAddress(env.DATABASE_URL);
    const netCode = networkCode(err);
    if (netCode)
      return (
        `DATABASE_URL: cannot reach PostgreSQL at ${at} (${netCode}); ` +
        'check the host and port, and that the server is running and accepts connections from here'
      );
    if (/timeout/i.test(message))
      return `DATABASE_URL: PostgreSQL at ${at} did not answer in time; check the host, port and firewall`;
    if (code === '28P01' || code === '28000')
      return `DATABASE_URL: PostgreSQL at ${at} refused the user or password; fix the credentials in DATABASE_URL`;
    if (code === '3D000')
      return `DATABASE_URL: the database in DATABASE_URL does not exist at ${at}; create it or fix the name`;
    return `DATABASE_URL: PostgreSQL at ${at} failed: ${redact(message, env.DATABASE_URL)}`;
  }
  if (step === 'store')
    return (
      `DATA_DIR: cannot open the SQLite store in ${env.DATA_DIR ?? './data'}: ${message}; ` +
      'check that the folder is writable'
    );
  if (step === 'slack') {
    // Read by the Web API client's error codes, not its classes: importing
    // Bolt here would load it into a Discord-only bot.
    const slackError = code === SLACK_PLATFORM_ERROR && typeof e.data?.error === 'string' ? e.data.error : '';
    if (SLACK_REFUSED.has(slackError)) {
      // In Socket Mode the app-level token is used first, by apps.connections.open.
      const which =
        env.SLACK_APP_TOKEN && /apps\.connections\.open|app.level/i.test(message)
          ? 'SLACK_APP_TOKEN'
          : 'SLACK_BOT_TOKEN';
      const where =
        which === 'SLACK_APP_TOKEN'
          ? 'Basic Information > App-Level Tokens'
          : 'OAuth & Permissions > Bot User OAuth Token';
      return (
        `${which}: Slack refused the token (${slackError}); ` +
        `get a new one at https://api.slack.com/apps > your app > ${where}`
      );
    }
    if (code === SLACK_REQUEST_ERROR || networkCode(err) || /fetch failed|socket hang up/i.test(message)) {
      return (
        `SLACK_API_URL: cannot reach the Slack API after retries (${networkCode(err) ?? message}); ` +
        'check the network, proxy, or SLACK_API_URL if set'
      );
    }
    if (code === SLACK_HTTP_ERROR)
      return (
        `SLACK_API_URL: the Slack API answered HTTP ${(e as { statusCode?: number }).statusCode} after retries; ` +
        'try again later or check SLACK_API_URL if set'
      );
    return `Slack: ${message}`;
  }
  if (step === 'discord') {
    if (code === 'TokenInvalid' || /authentication failed|DISCORD_TOKEN/.test(message)) {
      return (
        'DISCORD_TOKEN: Discord refused the token; ' +
        'reset it at https://discord.com/developers/applications > your app > Bot > Reset Token'
      );
    }
    if (networkCode(err) || /fetch failed|ECONNREFUSED|timed? ?out|aborted/i.test(message)) {
      return (
        `DISCORD_API_URL: cannot reach the Discord API after retries (${networkCode(err) ?? message}); ` +
        'check the network, proxy, or DISCORD_API_URL if set'
      );
    }
    return `Discord: ${message}`;
  }
  return message;
}

/** The network error code of an error or any error in its cause chain (fetch, axios and pg wrap them). */
function networkCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined;
  const e = err as { code?: unknown; cause?: unknown; original?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return e.code;
  // AggregateError: happy-eyeballs tries each address.
  if (Array.isArray(e.errors))
    for (const inner of e.errors) {
      const c = networkCode(inner, depth + 1);
      if (c) return c;
    }
  return networkCode(e.cause, depth + 1) ?? networkCode(e.original, depth + 1);
}

function redact(message: string, url: string): string {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? message.split(password).join('***') : message;
  } catch {
    return message;
  }
}
