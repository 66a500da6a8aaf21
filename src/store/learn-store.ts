import type { VoteOutcome } from '../core/feedback.js';

/** Why a question went into the log. */
export type UnansweredReason = 'unknown' | 'low-confidence' | 'no-section';

export interface LoggedQuestion {
  day: string;
  platform: string;
  reason: UnansweredReason;
  intent: string;
  /** Normalised and masked: never the words as typed. */
  text: string;
  /** A role name the catalog lacks, read from an unknown question. */
  unknownRole: string | null;
  suggestions: string[];
}

export interface CountedAnswer {
  day: string;
  platform: string;
  intent: string;
  roles: string[];
  section: string | null;
}

export interface StoredVote {
  /** Keyed hash of platform and user id (src/learn/voter-key.ts). */
  voter: string;
  platform: string;
  intent: string;
  roles: string[];
  section: string | null;
  helpful: boolean;
  day: string;
}

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
  /** Everything `report` shows, from `sinceDay` on (all when null); `top` texts and names at most. */
  usage(sinceDay: string | null, top: number): Promise<UsageFigures>;
}
