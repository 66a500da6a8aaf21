import type { Reply } from '../../core/reply.js';
import { classifySlackError } from './slack-errors.js';

/** Everything the Slack adapter itself says to people (the answers come from the core). */
export const APOLOGY = "Sorry, I couldn't answer that just now. Please try again in a moment.";
/** Said at once, instead of queueing, when the bot has more acknowledged work than it can answer promptly. */
export const BUSY = "I'm busy right now. Please try again in a moment.";
export const CANT_POST_HERE = "I can't post in this conversation. Invite me with /invite @career-bot, then try again.";

/** The short apology that fits the failure: a missing channel needs an invite, the rest a retry. */
export function apologyFor(err: unknown): string {
  return classifySlackError(err).channelGone ? CANT_POST_HERE : APOLOGY;
}

/** Said on an answer sent privately where the question was asked in public. */
export function privateNote(reply: Reply): string {
  return reply.intent === 'salary' || reply.section === 'salary'
    ? 'Only you can see this: pay figures are never posted to the channel unless you share them.'
    : 'Only you can see this answer.';
}
