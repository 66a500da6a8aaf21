import { z } from 'zod';
import { checkSlackOAuth, slackOAuthFields } from './adapters/slack/oauth/oauth-config.js';

const url = (name: string, example: string) =>
  z
    .string()
    .url(`${name} must be a URL such as ${example}`)
    .refine((u) => /^https?:/.test(u), `${name} must be an http(s) URL`);

/** Digits only: `1e3`, `0x10`, ` 80 ` and `3000.0` are mistakes, not ports. */
const portNumber = (name: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, `${name} must be a whole number from 0 to 65535, digits only (e.g. ${name}=3000)`)
    .transform(Number)
    .refine((n) => n <= 65535, `${name} must be a whole number from 0 to 65535, digits only (e.g. ${name}=3000)`);

/** A postgres:// URL that `pg` can use: a host (or a socket folder in `?host=`), a numeric port if any. */
function isPostgresUrl(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  return (
    (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && (u.hostname !== '' || u.searchParams.has('host'))
  );
}

const envFields = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-\S+$/, 'SLACK_BOT_TOKEN must look like xoxb-…')
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-zA-Z]{8,}$/, "SLACK_SIGNING_SECRET must be the app's signing secret (letters and digits)")
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S+$/, 'SLACK_APP_TOKEN must look like xapp-…')
    .optional(),
  SLACK_API_URL: url('SLACK_API_URL', 'https://slack.com/api/').optional(),
  // --- Slack OAuth distribution (issue 14): see src/adapters/slack/oauth/oauth-config.ts
  ...slackOAuthFields,
  // --- end Slack OAuth
  DISCORD_TOKEN: z
    .string()
    .regex(/^\S{20,}$/, 'DISCORD_TOKEN must be the bot token from the developer portal')
    .optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'DISCORD_APPLICATION_ID must be the numeric application id')
    .optional(),
  DISCORD_API_URL: url('DISCORD_API_URL', 'https://discord.com/api').optional(),
  DATABASE_URL: z
    .string()
    .refine(
      isPostgresUrl,
      'DATABASE_URL must be a URL such as postgres://user:password@db.example:5432/career_bot ' +
        '(percent-encode special characters in the password)',
    )
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: portNumber('PORT').default(3000),
  // off: this process never posts tips; a CronJob runs `career-bot tips run-due` instead.
  TIPS_SCHEDULER: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.enum(['on', 'off'], 'TIPS_SCHEDULER must be on or off'),
    )
    .default('on'),
  LOG_LEVEL: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.toLowerCase() : v),
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    )
    .default('info'),
  // Minutes of silence after which a conversation's context is forgotten.
  CONVERSATION_TTL_MINUTES: z.coerce
    .number()
    .int('CONVERSATION_TTL_MINUTES must be a whole number of minutes')
    .min(1)
    .max(10_080)
    .default(30),
  // Feedback and the question log (README "Feedback and the question log").
  // Slack shows pay charts as image blocks served from here (else uploads them).
  PUBLIC_URL: url('PUBLIC_URL', 'https://career-bot.example.com')
    .refine((u) => u.startsWith('https:'), 'PUBLIC_URL must be https (Slack fetches images over https)')
    .optional(),
  FEEDBACK_SECRET: z
    .string()
    .min(16, 'FEEDBACK_SECRET must be at least 16 characters (e.g. openssl rand -hex 32)')
    .optional(),
  QUESTION_LOG_DAYS: z.coerce
    .number()
    .int('QUESTION_LOG_DAYS must be a whole number of days')
    .min(0)
    .max(3650)
    .default(90),
  // Reload content when files under the content folder change (SIGHUP always reloads).
  CONTENT_WATCH: z
    .enum(['0', '1', 'true', 'false'], { message: 'CONTENT_WATCH must be 1 or 0' })
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  ADMIN_USER_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
});

/**
 * Running the bot needs a complete Slack connection (HTTP or Socket Mode);
 * posting tips (`tips run-due`, e.g. from a CronJob) needs only the tokens.
 */
export type ConfigPurpose = 'bot' | 'post';

const botSchema = envFields.superRefine((env, ctx) => {
  checkSlackOAuth(env, ctx);
  if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN && !env.SLACK_CLIENT_ID) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_BOT_TOKEN'],
      message:
        'SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and its OAuth settings (many workspaces) ' +
        'is required with SLACK_SIGNING_SECRET',
    });
  }
  if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_BOT_TOKEN'],
      message: 'SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN',
    });
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_SIGNING_SECRET'],
      message: 'set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) with SLACK_BOT_TOKEN',
    });
  }
});

export type Config = z.infer<typeof envFields> & {
  /** `oauth`: many workspaces installed through /slack/install, over HTTP (issue 14). */
  slack: 'http' | 'socket' | 'oauth' | null;
  discord: boolean;
  conversationTtlMinutes: number;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Parses the environment once. Empty strings count as unset, so a `.env`
 * line like `SLACK_BOT_TOKEN=` does not half-enable Slack.
 */
export function parseConfig(env: Record<string, string | undefined>, purpose: ConfigPurpose = 'bot'): ConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = (purpose === 'bot' ? botSchema : envFields).safeParse(present);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`) };
  }
  const c = result.data;
  return {
    ok: true,
    config: {
      ...c,
      conversationTtlMinutes: c.CONVERSATION_TTL_MINUTES,
      slack: c.SLACK_BOT_TOKEN ? (c.SLACK_APP_TOKEN ? 'socket' : 'http') : c.SLACK_CLIENT_ID ? 'oauth' : null,
      discord: Boolean(c.DISCORD_TOKEN),
    },
  };
}
