import type { Level } from './content/types.js';
import type { Intent } from './reply.js';
import type { SectionId } from './sections.js';

/** The answers that offer Helpful / Not helpful buttons. */
export const FEEDBACK_INTENTS = ['role', 'salary', 'compare', 'fit'] as const;
export type FeedbackIntent = (typeof FEEDBACK_INTENTS)[number];

/**
 * What a vote is about: the answer's intent, roles and section. Two people
 * (or one person twice) voting on the same target vote on the same answer.
 */
export interface FeedbackTarget {
  intent: FeedbackIntent;
  roles: string[];
  section: SectionId | null;
}

/** One answer given, as the question log and the usage counts see it (never the asker's id). */
export interface AnsweredQuestion {
  platform: string;
  /** Slack team or Discord guild id (null: none): an admin's report shows their own workspace's answers only. */
  workspace: string | null;
  text: string;
  intent: Intent;
  roles: string[];
  section: SectionId | null;
  level: Level | null;
  confidence: number;
  suggestions: string[];
  /** The profile lacked the section asked for. */
  noSection: boolean;
}

/** `unkept`: the bot runs without a store (the console), so the vote is thanked but not kept. */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged' | 'unkept';

/**
 * Where the bot reports its answers and takes votes (src/learn/ on the
 * store). Optional for the core: without it nothing is logged and feedback
 * presses are thanked but not kept.
 */
export interface AnswerLog {
  answered(q: AnsweredQuestion): Promise<void>;
  vote(v: {
    platform: string;
    workspace: string | null;
    user: string;
    helpful: boolean;
    target: FeedbackTarget;
  }): Promise<VoteOutcome>;
}

export function isFeedbackIntent(intent: Intent): intent is FeedbackIntent {
  return (FEEDBACK_INTENTS as readonly string[]).includes(intent);
}
