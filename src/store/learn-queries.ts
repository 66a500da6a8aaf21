import { sql, type Kysely } from 'kysely';
import type { VoteOutcome } from '../core/feedback.js';
import type { LearnStore, StoredVote, UsageFigures } from './learn-store.js';
import type { StoreSchema } from './schema.js';

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function createLearnStore(db: Kysely<StoreSchema>): LearnStore {
  return {
    async recordAnswer(a, q) {
      const write = async (trx: Kysely<StoreSchema>) => {
        await trx
          .insertInto('answer_counts')
          .values({
            workspace: a.workspace ?? '',
            day: a.day,
            platform: a.platform,
            intent: a.intent,
            role: a.roles.join(','),
            section: a.section ?? '',
            count: 1,
          })
          .onConflict((oc) =>
            oc
              .columns(['day', 'workspace', 'platform', 'intent', 'role', 'section'])
              .doUpdateSet({ count: sql`answer_counts.count + 1` }),
          )
          .execute();
        if (q) {
          await trx
            .insertInto('question_log')
            .values({
              workspace: q.workspace ?? '',
              day: q.day,
              platform: q.platform,
              reason: q.reason,
              intent: q.intent,
              text: q.text,
              unknown_role: q.unknownRole,
              suggestions: q.suggestions.join(','),
            })
            .execute();
        }
      };
      await (q ? db.transaction().execute(write) : write(db));
    },
    vote: (v) => vote(db, v),
    async sweepQuestions(beforeDay) {
      const r = await db.deleteFrom('question_log').where('day', '<', beforeDay).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    usage: (since, top, workspace) => usage(db, since, top, workspace),
  };
}

async function vote(db: Kysely<StoreSchema>, v: StoredVote): Promise<VoteOutcome> {
  const answer = `${v.intent}:${v.roles.join(',')}:${v.section ?? ''}`;
  const helpful = v.helpful ? 1 : 0;
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('feedback_votes')
      .select('helpful')
      .where('voter', '=', v.voter)
      .where('answer', '=', answer)
      .executeTakeFirst();
    if (before && before.helpful === helpful) return 'unchanged';
    await trx
      .insertInto('feedback_votes')
      .values({
        voter: v.voter,
        answer,
        workspace: v.workspace ?? '',
        platform: v.platform,
        intent: v.intent,
        roles: v.roles.join(','),
        section: v.section ?? '',
        helpful,
        day: v.day,
      })
      .onConflict((oc) =>
        oc
          .columns(['voter', 'answer'])
          .doUpdateSet({ helpful, day: v.day, platform: v.platform, workspace: v.workspace ?? '' }),
      )
      .execute();
    return before ? 'changed' : 'recorded';
  });
}

async function usage(
  db: Kysely<StoreSchema>,
  since: string | null,
  top: number,
  workspace?: string | null,
): Promise<UsageFigures> {
  const from = since ?? '0000-00-00';
  const count = sql<number>`count(*)`;
  // An admin's report: their workspace's rows only. The operator's (no workspace given): every row.
  const ws = workspace === undefined ? undefined : (workspace ?? '');
  const [answers, unanswered, unknownRoles, votes, deliveries, paused] = await Promise.all([
    db
      .selectFrom('answer_counts')
      .select(['platform', 'intent', 'role', 'section', sql<number>`sum(count)`.as('count')])
      .where('day', '>=', from)
      .$if(ws !== undefined, (q) => q.where('workspace', '=', ws!))
      .groupBy(['platform', 'intent', 'role', 'section'])
      .execute(),
    db
      .selectFrom('question_log')
      .select(['text', 'reason', count.as('count')])
      .$if(since !== null, (q) => q.where('day', '>=', from))
      .$if(ws !== undefined, (q) => q.where('workspace', '=', ws!))
      .groupBy(['text', 'reason'])
      .orderBy('count', 'desc')
      .orderBy('text')
      .limit(top)
      .execute(),
    db
      .selectFrom('question_log')
      .select(['unknown_role as name', count.as('count')])
      .$if(since !== null, (q) => q.where('day', '>=', from))
      .$if(ws !== undefined, (q) => q.where('workspace', '=', ws!))
      .where('unknown_role', 'is not', null)
      .groupBy('unknown_role')
      .orderBy('count', 'desc')
      .orderBy('unknown_role')
      .limit(top)
      .execute(),
    db
      .selectFrom('feedback_votes')
      .select([
        'intent',
        'roles',
        'section',
        sql<number>`sum(helpful)`.as('helpful'),
        sql<number>`sum(1 - helpful)`.as('notHelpful'),
      ])
      .where('day', '>=', from)
      .$if(ws !== undefined, (q) => q.where('workspace', '=', ws!))
      .groupBy(['intent', 'roles', 'section'])
      .execute(),
    db
      .selectFrom('tip_deliveries as d')
      .$if(ws !== undefined, (q) =>
        q
          .innerJoin('tip_subscriptions as s', (j) =>
            j.onRef('s.platform', '=', 'd.platform').onRef('s.channel_id', '=', 'd.channel_id'),
          )
          .where('s.workspace_id', '=', ws!),
      )
      .select(['d.status', count.as('count')])
      .where('d.claimed_at', '>=', since ? dayMs(since) : 0)
      .groupBy('d.status')
      .execute(),
    db
      .selectFrom('tip_subscriptions')
      .select(count.as('count'))
      .where('active', '=', 1)
      .where('paused', '=', 1)
      .$if(ws !== undefined, (q) => q.where('workspace_id', '=', ws!))
      .executeTakeFirst(),
  ]);
  const status = (s: string) => Number(deliveries.find((d) => d.status === s)?.count ?? 0);
  return {
    answers: answers.map((a) => ({ ...a, count: Number(a.count) })),
    unanswered: unanswered.map((u) => ({ ...u, count: Number(u.count) })),
    unknownRoles: unknownRoles.map((u) => ({ name: u.name!, count: Number(u.count) })),
    votes: votes.map((v) => ({ ...v, helpful: Number(v.helpful), notHelpful: Number(v.notHelpful) })),
    tips: {
      posted: status('delivered'),
      failed: status('failed'),
      skipped: status('skipped'),
      paused: Number(paused?.count ?? 0),
    },
  };
}
