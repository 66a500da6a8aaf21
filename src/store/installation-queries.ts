import type { Kysely, Selectable } from 'kysely';
import type { InstallationsTable, StoreSchema } from './schema.js';

type Db = Kysely<StoreSchema>;

/** One stored Slack installation: who it is for in clear, its content (tokens) sealed. */
export interface InstallationRecord {
  /** `E:<enterprise id>` for an org-wide install, `T:<team id>` for one workspace. */
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  enterpriseInstall: boolean;
  sealed: string;
  installedAt: Date;
}

/** The installations table in domain verbs; encryption is the caller's (src/adapters/slack/oauth). */
export interface InstallationRecords {
  /** Inserts or replaces (a re-install brings new tokens). */
  put(record: InstallationRecord): Promise<void>;
  get(key: string): Promise<InstallationRecord | undefined>;
  /** The most recently stored installation, if any: the one a start-up check of the key opens. */
  latest(): Promise<InstallationRecord | undefined>;
  /** False when there was none. */
  remove(key: string): Promise<boolean>;
  count(): Promise<number>;
  /**
   * Records an OAuth state as used; true only the first time, across every
   * process on the database, so a replayed redirect is refused. Forgets states past their expiry.
   */
  consumeState(hash: string, expiresAt: Date, now: Date): Promise<boolean>;
}

function toRecord(r: Selectable<InstallationsTable>): InstallationRecord {
  return {
    key: r.install_key,
    teamId: r.team_id,
    enterpriseId: r.enterprise_id,
    enterpriseInstall: Number(r.is_enterprise_install) === 1,
    sealed: r.sealed,
    installedAt: new Date(Number(r.installed_at)),
  };
}

export function installationRecords(db: Db): InstallationRecords {
  return {
    async put(r) {
      const row = {
        team_id: r.teamId,
        enterprise_id: r.enterpriseId,
        is_enterprise_install: r.enterpriseInstall ? 1 : 0,
        sealed: r.sealed,
        installed_at: r.installedAt.getTime(),
      };
      await db
        .insertInto('slack_installations')
        .values({ install_key: r.key, ...row })
        .onConflict((oc) => oc.column('install_key').doUpdateSet(row))
        .execute();
    },
    async get(key) {
      const r = await db
        .selectFrom('slack_installations')
        .selectAll()
        .where('install_key', '=', key)
        .executeTakeFirst();
      return r ? toRecord(r) : undefined;
    },
    async latest() {
      const r = await db
        .selectFrom('slack_installations')
        .selectAll()
        .orderBy('installed_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r ? toRecord(r) : undefined;
    },
    async remove(key) {
      const r = await db.deleteFrom('slack_installations').where('install_key', '=', key).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async count() {
      const r = await db
        .selectFrom('slack_installations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async consumeState(hash, expiresAt, now) {
      await db.deleteFrom('slack_oauth_states').where('expires_at', '<', now.getTime()).execute();
      const r = await db
        .insertInto('slack_oauth_states')
        .values({ state_hash: hash, expires_at: expiresAt.getTime() })
        .onConflict((oc) => oc.column('state_hash').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
  };
}
