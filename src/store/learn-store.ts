import type { VoteOutcome } from '../core/feedback.js';

/** Why a question went into the log. */
export type UnansweredReason = 'unknown' | 'low-confidence' | 'no-section';

/** Slack team or Discord guild id; null for none (a Discord DM, the console). */
type Workspace = { workspace: string | null };

export type LoggedQuestion = Workspace & {
  day: string;
  platform: string;
  reason: UnansweredReason;
  intent: string;
  /** Normalised and masked: never the words as typed. */
  text: string;
  /** A role name the catalog lacks, read from an unknown question. */
  unknownRole: string | null;
  suggestions: string[];
};

export type CountedAnswer = Workspace & {
  day: string;
  platform: string;
  intent: string;
  roles: string[];
  section: string | null;
};

export type StoredVote = Workspace & {
  /** Keyed hash of platform and user id (src/learn/voter-key.ts). */
  voter: string;
  platform: string;
  intent: string;
  roles: string[];
  section: string | null;
  helpful: boolean;
  day: string;
};

export interface UsageFigures {
  answers: { platform: string; intent: string; role: string; section: string; count: number }[];
  /** Most frequent logged texts, most frequent first. */
  unanswered: { text: string; reason: string; count: number }[];
  unknownRoles: { name: string; count: number }[];
  votes: { intent: string; roles: string; section: string; helpful: number; notHelpful: number }[];
  tips: { posted: number; failed: number; skipped: number; paused: number };
}

/**
 * What the bot learns from use, in domain verbs. Days are UTC `YYYY-MM-DD`
 * strings: the log keeps days, not moments.
 */
export interface LearnStore {
  /** Counts one answer and, when it was not answered well, logs its question: one transaction (one disk sync). */
  recordAnswer(a: CountedAnswer, unanswered?: LoggedQuestion): Promise<void>;
  /** One vote per voter and answer; a second press replaces the first. */
  vote(v: StoredVote): Promise<VoteOutcome>;
  /** Deletes logged questions from days before `day`; returns how many. */
  sweepQuestions(beforeDay: string): Promise<number>;
  /**
   * Everything `report` shows, from `sinceDay` on (all when null); `top` texts and names at most;
   * one workspace's rows only when `workspace` is given (null: rows of none), else every row.
   */
  usage(sinceDay: string | null, top: number, workspace?: string | null): Promise<UsageFigures>;
}
