import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from '../core/logger.js';

/**
 * Turns a platform user id into the key votes are stored under: an HMAC with
 * FEEDBACK_SECRET, so a database dump names nobody and a second press by the
 * same person is still recognised. Without a secret each process draws a
 * random one: votes still count once per person while it runs, but a restart
 * (or another replica) cannot recognise an earlier voter, which is logged.
 */
export function createVoterKey(
  secret: string | undefined,
  logger: Logger,
): (platform: string, userId: string) => string {
  const key = secret ?? randomBytes(32).toString('hex');
  if (!secret)
    logger.warn(
      {},
      'FEEDBACK_SECRET is not set: votes are keyed with a random per-process secret, ' +
        'so repeat votes are recognised only until a restart',
    );
  return (platform, userId) => createHmac('sha256', key).update(`${platform}\u0000${userId}`).digest('base64url');
}
