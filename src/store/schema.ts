import type { Generated } from 'kysely';

/** Row types as both backends store them: times are epoch ms, flags are 0/1. */
export interface SubscriptionsTable {
  platform: string;
  channel_id: string;
  day: string;
  time: string;
  time_zone: string;
  active: number;
  subscribed_at: number;
  effective_from: number;
  updated_at: number;
  updated_by: string;
  paused: number;
  paused_reason: string | null;
  paused_at: number | null;
  skip_slot: string | null;
  next_slot: string;
  next_slot_at: number;
  next_slot_date: string;
  rev: number;
  /** The Slack team (or Discord guild) the channel belongs to; null for rows from before version 5. */
  workspace_id: string | null;
  /** The Slack Enterprise Grid org of that workspace, when it has one; null for rows from before version 7. */
  organization_id: string | null;
}

export interface DeliveriesTable {
  id: Generated<number>;
  platform: string;
  channel_id: string;
  slot: string;
  slot_at: number;
  tip_id: string | null;
  cycle: number;
  status: string;
  attempts: number;
  claimed_at: number;
  claimed_by: string;
  finished_at: number | null;
  message_id: string | null;
  error: string | null;
  permanent: number;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: number;
}

export interface EventClaimsTable {
  event_id: string;
  claimed_at: number;
  claimed_by: string;
}

export interface ConversationContextsTable {
  id: string;
  slots: string;
  expires_at: number;
}

export interface AnswerCountsTable {
  /** Slack team or Discord guild id; '' for none. */
  workspace: string;
  day: string;
  platform: string;
  intent: string;
  /** Role ids joined by ',' ('' for none). */
  role: string;
  /** '' for none. */
  section: string;
  count: number;
}

export interface QuestionLogTable {
  id: Generated<number>;
  workspace: string;
  day: string;
  platform: string;
  reason: string;
  intent: string;
  text: string;
  unknown_role: string | null;
  suggestions: string;
}

export interface FeedbackVotesTable {
  voter: string;
  answer: string;
  workspace: string;
  platform: string;
  intent: string;
  roles: string;
  section: string;
  helpful: number;
  day: string;
}

export interface InstallationsTable {
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: number;
  sealed: string;
  installed_at: number;
}

export interface OAuthStatesTable {
  state_hash: string;
  expires_at: number;
}

export interface StoreSchema {
  answer_counts: AnswerCountsTable;
  question_log: QuestionLogTable;
  feedback_votes: FeedbackVotesTable;
  slack_installations: InstallationsTable;
  slack_oauth_states: OAuthStatesTable;
  tip_subscriptions: SubscriptionsTable;
  tip_deliveries: DeliveriesTable;
  career_bot_migrations: MigrationsTable;
  career_bot_leases: LeasesTable;
  slack_event_claims: EventClaimsTable;
  conversation_contexts: ConversationContextsTable;
}

export type Backend = 'sqlite' | 'postgres';
