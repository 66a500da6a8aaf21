import { Events, GatewayCloseCodes, Routes, type Client, type REST, type RESTGetAPIGatewayBotResult } from 'discord.js';

/** Discord's close code for "this session would hold too many guilds: shard". */
export const SHARDING_REQUIRED: number = GatewayCloseCodes.ShardingRequired;

/** How to split the gateway: all shards in this process (internal sharding). */
export type ShardPlan = { shards: 'auto' } | { shards: number[]; shardCount: number };

/** What discord.js is told first: Discord's recommended count, read from /gateway/bot at login. */
export const RECOMMENDED: ShardPlan = { shards: 'auto' };

/**
 * After a 4011 the session held too many guilds for its shard count. Discord's
 * /gateway/bot is asked again; should it still recommend no more shards than
 * we had (its figure lags), the count doubles, so every reshard makes progress.
 */
export async function reshardPlan(rest: REST, current: number): Promise<ShardPlan & { shardCount: number }> {
  const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const shardCount = Math.max(info.shards, current * 2, 1);
  return { shards: Array.from({ length: shardCount }, (_, i) => i), shardCount };
}

export type ShardState = 'connecting' | 'ready' | 'reconnecting' | 'closed';

/** Each shard's state, from discord.js's shard events: readiness is per shard, and all must be ready. */
export interface ShardStates {
  /** Shard id → state, for /readyz's details and the logs. */
  snapshot(): Record<number, ShardState>;
  allReady(): boolean;
  /** How many shards the client runs (known once logged in). */
  count(): number;
}

export function trackShards(client: Client): ShardStates {
  const states = new Map<number, ShardState>();
  client.on(Events.ShardReady, (id) => states.set(id, 'ready'));
  client.on(Events.ShardResume, (id) => states.set(id, 'ready'));
  client.on(Events.ShardReconnecting, (id) => states.set(id, 'reconnecting'));
  client.on(Events.ShardDisconnect, (_event, id) => states.set(id, 'closed'));
  const count = () => client.options.shardCount ?? states.size;
  return {
    snapshot: () => {
      const out: Record<number, ShardState> = {};
      for (let id = 0; id < count(); id++) out[id] = states.get(id) ?? 'connecting';
      return out;
    },
    allReady: () =>
      count() > 0 && Array.from({ length: count() }, (_, id) => states.get(id)).every((s) => s === 'ready'),
    count,
  };
}
