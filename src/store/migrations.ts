import { sql, type Kysely } from 'kysely';
import type { Backend } from './schema.js';

export interface Migration {
  version: number;
  name: string;
  // A migration runs against the schema as it was then, not as StoreSchema says it is now.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, backend: Backend): Promise<void>;
}

/**
 * Append-only: a released migration is never edited, only followed by a new
 * one. DDL sticks to what both backends share; times are epoch ms (bigint).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tip subscriptions and delivery ledger',
    async up(db, backend) {
      await db.schema
        .createTable('tip_subscriptions')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('subscribed_at', 'bigint', (c) => c.notNull())
        .addColumn('effective_from', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('paused_reason', 'text')
        .addColumn('paused_at', 'bigint')
        .addColumn('skip_slot', 'text')
        .addColumn('next_slot', 'text', (c) => c.notNull())
        .addColumn('next_slot_at', 'bigint', (c) => c.notNull())
        .addColumn('next_slot_date', 'text', (c) => c.notNull())
        .addColumn('rev', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('tip_subscriptions_pk', ['platform', 'channel_id'])
        .execute();
      await db.schema.createIndex('tip_subscriptions_due').on('tip_subscriptions').columns(['next_slot_at']).execute();

      await db.schema
        .createTable('tip_deliveries')
        .addColumn('id', backend === 'postgres' ? 'bigserial' : 'integer', (c) =>
          backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('slot_at', 'bigint', (c) => c.notNull())
        .addColumn('tip_id', 'text')
        .addColumn('cycle', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('claimed', 'delivered', 'failed', 'skipped')`),
        )
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('claimed_at', 'bigint', (c) => c.notNull())
        .addColumn('claimed_by', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('message_id', 'text')
        .addColumn('error', 'text')
        .addColumn('permanent', 'integer', (c) => c.notNull().defaultTo(0))
        // The exactly-once guarantee: one row per channel per weekly slot.
        .addUniqueConstraint('tip_deliveries_slot_unique', ['platform', 'channel_id', 'slot'])
        .execute();
      await db.schema
        .createIndex('tip_deliveries_rotation')
        .on('tip_deliveries')
        .columns(['platform', 'channel_id', 'cycle'])
        .execute();
    },
  },
  {
    version: 2,
    name: 'leases, so replicas take turns at the fan-out',
    async up(db) {
      await db.schema
        .createTable('career_bot_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 3,
    name: 'conversation contexts, shared by replicas',
    async up(db) {
      // Keyed by a hash of the conversation key; holds resolved slots (JSON), never message text.
      await db.schema
        .createTable('conversation_contexts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slots', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('conversation_contexts_expiry')
        .on('conversation_contexts')
        .columns(['expires_at'])
        .execute();
    },
  },
  {
    version: 4,
    name: 'slack event claims, so a retried event is answered once across replicas',
    async up(db) {
      await db.schema
        .createTable('slack_event_claims')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('claimed_at', 'bigint', (c) => c.notNull())
        .addColumn('claimed_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('slack_event_claims_age').on('slack_event_claims').columns(['claimed_at']).execute();
    },
  },
  // Issue 14: Slack OAuth installations and the workspace of each subscription.
  {
    version: 5,
    name: 'slack installations, single-use oauth states, subscription workspace',
    async up(db) {
      await db.schema
        .createTable('slack_installations')
        // `E:<enterprise>` for an org-wide install, `T:<team>` for a workspace.
        .addColumn('install_key', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text')
        .addColumn('enterprise_id', 'text')
        .addColumn('is_enterprise_install', 'integer', (c) => c.notNull())
        // The whole installation (every token in it) sealed with AES-256-GCM: nothing readable without the key.
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('installed_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('slack_oauth_states')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('tip_subscriptions').addColumn('workspace_id', 'text').execute();
      await db.schema
        .createIndex('tip_subscriptions_workspace')
        .on('tip_subscriptions')
        .columns(['platform', 'workspace_id'])
        .execute();
    },
  },
  {
    version: 6,
    name: 'answer counts, the unanswered-question log and feedback votes',
    async up(db, backend) {
      // Counts per day and kind of answer: no text, no person.
      await db.schema
        .createTable('answer_counts')
        // Slack team or Discord guild ('' for none): an admin's report shows their own workspace only.
        .addColumn('workspace', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('intent', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('answer_counts_pk', ['day', 'workspace', 'platform', 'intent', 'role', 'section'])
        .execute();
      // Masked question text only (see src/learn/mask-question.ts); kept QUESTION_LOG_DAYS.
      await db.schema
        .createTable('question_log')
        .addColumn('id', backend === 'postgres' ? 'bigserial' : 'integer', (c) =>
          backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('workspace', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('intent', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('unknown_role', 'text')
        .addColumn('suggestions', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('question_log_day').on('question_log').columns(['day']).execute();
      // Covering indexes: the report groups a million rows by text, and by unknown role, without sorting them.
      await db.schema
        .createIndex('question_log_text')
        .on('question_log')
        .columns(['text', 'reason', 'day', 'workspace'])
        .execute();
      await db.schema
        .createIndex('question_log_role')
        .on('question_log')
        .columns(['unknown_role', 'day', 'workspace'])
        .execute();
      // One row per voter and answer: the voter is a keyed hash, never the platform's user id.
      await db.schema
        .createTable('feedback_votes')
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('workspace', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('intent', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('helpful', 'integer', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('feedback_votes_pk', ['voter', 'answer'])
        .execute();
    },
  },
  {
    version: 7,
    name: 'subscription organization (Slack Enterprise Grid)',
    async up(db) {
      // The org a subscribed workspace belongs to: an org-wide install's token serves the channel, and an org-wide
      // uninstall (which names no workspace) must pause every channel of the org.
      await db.schema.alterTable('tip_subscriptions').addColumn('organization_id', 'text').execute();
      await db.schema
        .createIndex('tip_subscriptions_organization')
        .on('tip_subscriptions')
        .columns(['platform', 'organization_id'])
        .execute();
    },
  },
];
