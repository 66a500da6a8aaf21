import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { InstallationCipher } from '../../../store/installation-cipher.js';
import type { InstallationRecords } from '../../../store/installation-queries.js';

/** Installations kept decrypted in memory at most; the least recently used go first. */
export const INSTALL_CACHE_MAX = 2_000;
/** How long another replica's uninstall can go unseen here: a cached installation is re-read after this. */
export const INSTALL_CACHE_TTL_MS = 60_000;
/**
 * How long "not installed" is remembered: long enough that a burst of events
 * from a removed workspace costs one read, short enough that an install made
 * through another replica is seen here within seconds, not a minute.
 */
export const INSTALL_MISS_TTL_MS = 5_000;

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** Who an event or a post is for: a workspace, perhaps inside an Enterprise Grid org. */
export interface WorkspaceQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** @slack/oauth's InstallationStore on the bot's store, plus what the adapter needs besides. */
export interface SealedInstallationStore extends InstallationStore {
  /** The installation that serves this workspace, or undefined: never a throw for "not installed". */
  find(query: WorkspaceQuery): Promise<AnyInstallation | undefined>;
  /** Deletes the workspace's (or org's) installation here and from the cache; false when there was none. */
  remove(query: WorkspaceQuery): Promise<boolean>;
  /**
   * Opens the most recent stored installation, so a wrong TOKEN_ENCRYPTION_KEY
   * stops the start instead of silently leaving every workspace unanswered.
   * Throws a message naming the variable; resolves when nothing is stored yet.
   */
  checkKey(): Promise<void>;
}

/** `E:<enterprise>` for an org-wide install (it serves every workspace of the org), `T:<team>` otherwise. */
export function installKey(q: WorkspaceQuery): string | undefined {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  return q.teamId ? `T:${q.teamId}` : q.enterpriseId ? `E:${q.enterpriseId}` : undefined;
}

/**
 * Installations stored whole, as one AES-256-GCM-sealed JSON document per
 * workspace (every token inside it: bot, user, refresh, webhook URL), with
 * the ids needed to find it in clear. Reads go through a bounded LRU cache
 * with a TTL, so authorising an event costs a map lookup, not a database
 * round trip and a decryption; an uninstall evicts at once here, and within
 * the TTL on other replicas.
 */
export function createSealedInstallationStore(o: {
  records: InstallationRecords;
  cipher: InstallationCipher;
  now?: () => number;
  cacheMax?: number;
  cacheTtlMs?: number;
  missTtlMs?: number;
}): SealedInstallationStore {
  const now = o.now ?? Date.now;
  const max = o.cacheMax ?? INSTALL_CACHE_MAX;
  const ttl = o.cacheTtlMs ?? INSTALL_CACHE_TTL_MS;
  const missTtl = Math.min(ttl, o.missTtlMs ?? INSTALL_MISS_TTL_MS);
  // Map order is insertion order: re-inserting on a hit makes it an LRU.
  const cache = new Map<string, { at: number; installation: AnyInstallation | undefined }>();

  const remember = (key: string, installation: AnyInstallation | undefined) => {
    cache.delete(key);
    cache.set(key, { at: now(), installation });
    if (cache.size > max) cache.delete(cache.keys().next().value!);
  };

  const load = async (key: string): Promise<AnyInstallation | undefined> => {
    const hit = cache.get(key);
    if (hit && now() - hit.at < (hit.installation ? ttl : missTtl)) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.installation;
    }
    const record = await o.records.get(key);
    const installation = record ? (JSON.parse(o.cipher.open(record.sealed, key)) as AnyInstallation) : undefined;
    remember(key, installation);
    return installation;
  };

  const find = async (q: WorkspaceQuery): Promise<AnyInstallation | undefined> => {
    const key = installKey(q);
    const own = key ? await load(key) : undefined;
    // A workspace of an org that installed org-wide has no install of its own.
    if (own || q.isEnterpriseInstall || !q.enterpriseId) return own;
    return load(`E:${q.enterpriseId}`);
  };

  return {
    find,
    async storeInstallation(installation) {
      const q = {
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
      };
      const key = installKey(q);
      if (!key) throw new Error('an installation with neither a team nor an enterprise id cannot be stored');
      await o.records.put({
        key,
        teamId: q.isEnterpriseInstall ? null : (q.teamId ?? null),
        enterpriseId: q.enterpriseId ?? null,
        enterpriseInstall: q.isEnterpriseInstall,
        sealed: o.cipher.seal(JSON.stringify(installation), key),
        installedAt: new Date(now()),
      });
      cache.delete(key);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await find(query);
      if (!found) throw new Error(`no installation for ${installKey(query) ?? 'an unnamed workspace'}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await this.remove(query);
    },
    async checkKey() {
      const record = await o.records.latest();
      if (!record) return;
      try {
        o.cipher.open(record.sealed, record.key);
      } catch (err) {
        throw new Error(
          `TOKEN_ENCRYPTION_KEY does not open the Slack installations already stored (${record.key} tried): ` +
            'set the key they were sealed with; with a new key every workspace has to install the app again',
          { cause: err },
        );
      }
    },
    async remove(q) {
      const key = installKey(q);
      if (!key) return false;
      cache.delete(key);
      return o.records.remove(key);
    },
  };
}
