import { z } from 'zod';

/** A base64 AES-256 key: exactly 32 bytes once decoded. */
const encryptionKey = z
  .string()
  .refine(
    (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32,
    'TOKEN_ENCRYPTION_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)',
  );

/** The environment of Slack OAuth distribution (many workspaces), merged into src/config.ts's schema. */
export const slackOAuthFields = {
  SLACK_CLIENT_ID: z
    .string()
    .regex(/^\d+\.\d+$/, "SLACK_CLIENT_ID must be the app's client id (digits.digits)")
    .optional(),
  SLACK_CLIENT_SECRET: z
    .string()
    .regex(/^[0-9a-zA-Z]{8,}$/, "SLACK_CLIENT_SECRET must be the app's client secret (letters and digits)")
    .optional(),
  SLACK_STATE_SECRET: z.string().min(16, 'SLACK_STATE_SECRET must be at least 16 characters of random text').optional(),
  TOKEN_ENCRYPTION_KEY: encryptionKey.optional(),
  /** Where Slack sends the browser back: must equal one of the manifest's oauth_config.redirect_urls. */
  SLACK_REDIRECT_URI: z
    .string()
    .url('SLACK_REDIRECT_URI must be a URL such as https://bot.example.com/slack/oauth_redirect')
    .optional(),
};

type OAuthEnv = { [K in keyof typeof slackOAuthFields]?: string } & {
  SLACK_BOT_TOKEN?: string;
  SLACK_APP_TOKEN?: string;
  SLACK_SIGNING_SECRET?: string;
};

/**
 * OAuth mode is all or nothing: a client id without its secret, state secret,
 * signing secret or encryption key would start a bot that cannot install, or
 * one that stores tokens in clear. Messages name variables, never values.
 */
export function checkSlackOAuth(env: OAuthEnv, ctx: z.RefinementCtx): void {
  if (!env.SLACK_CLIENT_ID) {
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
      if (env[name])
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_CLIENT_ID'],
          message: `SLACK_CLIENT_ID is required with ${name}`,
        });
    }
    return;
  }
  if (env.SLACK_BOT_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_CLIENT_ID'],
      message: 'set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (many workspaces through OAuth), not both',
    });
  }
  if (env.SLACK_APP_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_APP_TOKEN'],
      message:
        'OAuth installs need the HTTP receiver (/slack/install, /slack/oauth_redirect): ' +
        'unset SLACK_APP_TOKEN with SLACK_CLIENT_ID',
    });
  }
  for (const name of [
    'SLACK_CLIENT_SECRET',
    'SLACK_STATE_SECRET',
    'SLACK_SIGNING_SECRET',
    'TOKEN_ENCRYPTION_KEY',
  ] as const) {
    if (!env[name])
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `${name} is required with SLACK_CLIENT_ID (Slack OAuth mode)`,
      });
  }
}
