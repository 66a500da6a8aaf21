export const APP_ID: string;
export const BOT_USER: { id: string; username: string; discriminator: string; bot: true };
export function snowflake(): string;
export function messageObject(o: {
  channelId: string;
  author?: Record<string, unknown>;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  extra?: Record<string, unknown>;
}): Record<string, any>;

export interface RecordedRequest {
  method: string;
  /** Path after the `/api/v10` prefix, e.g. `/channels/1/messages`. */
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;

  body: any;
  /** Attachments of a multipart request. */
  files: { field: string; name: string; bytes: Buffer }[];
  /** performance.now() when the request was complete. */
  at: number;
  status: number;
}

export interface GatewayPayload {
  op: number;

  d: any;
}

export interface FakeDiscord {
  apiUrl: string;
  gatewayUrl: string;
  requests: RecordedRequest[];
  gatewayOps: GatewayPayload[];
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  nextRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  nextGatewayOp(op: number, timeoutMs?: number): Promise<GatewayPayload>;
  failNext(method: string, path: RegExp, status: number, body?: unknown, headers?: Record<string, string>): void;
  dispatch(t: string, d: unknown): void;
  refuseNextIdentify(code: number): void;
  dropGateway(code?: number): void;
  /** Shards connected now: shard id → the shard count it identified with. */
  readonly shards: Map<number, number>;
  recommendShards(n: number): void;
  requireShards(n: number): void;
  /** Dispatches on the shard that holds the guild; returns that shard's id. */
  dispatchForGuild(guildId: string, t: string, d: unknown): number;
  dropShard(shard: number, code: number): void;
  /** Holds READY and RESUMED back (the client stays connecting) until the returned function is called. */
  holdReady(): () => void;
  close(): Promise<void>;
}

export function startFakeDiscord(options?: { heartbeatInterval?: number; shards?: number }): Promise<FakeDiscord>;
