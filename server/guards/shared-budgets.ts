// In a cluster (SIMUL_REDIS_URL), what one network spends is counted across every node, in Redis
// (rate-limiter-flexible's Redis store), so spreading over nodes gains an attacker nothing.
// The node's own token bucket still answers at once, on the frame's own turn; each token taken
// is also spent in Redis in the background, and a network whose spending over all nodes passes
// its budget is refused by every node until Redis's window for it ends. The connections a
// network holds open are counted over all nodes too (SharedOpenCounts).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TokenBucket } from './rate-limit';

/** One kind of budget (commands, joins, ...) shared by the nodes. */
export class SharedLimiter {
  private limiter: RateLimiterRedis;
  /** Networks refused over all nodes, until when (on `now`). */
  private blockedUntil = new Map<string, number>();

  constructor(
    redis: Redis,
    kind: string,
    /** The bucket's capacity and refill: Redis counts `capacity` per the time a refill of it takes. */
    capacity: number,
    perSecond: number,
    private now: () => number,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `simul:budget:${kind}`,
      points: Math.max(1, Math.round(capacity)),
      duration: Math.max(1, Math.ceil(capacity / perSecond)),
    });
  }

  /** Milliseconds until the network may spend again across the cluster (0 when it may). */
  blockedMs(key: string): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return Math.ceil(left);
    this.blockedUntil.delete(key);
    return 0;
  }

  /** Spends `n` in Redis; resolves whether the cluster-wide budget had them. */
  async spend(key: string, n = 1): Promise<boolean> {
    try {
      await this.limiter.consume(key, n);
      return true;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) {
        // Redis is away: the nodes' own budgets still hold.
        console.error('shared budget unavailable:', (res as Error).message);
        return true;
      }
      if (this.blockedUntil.size > 10_000) this.blockedUntil.clear();
      this.blockedUntil.set(key, this.now() + res.msBeforeNext);
      return false;
    }
  }
}

/** A node's token bucket whose takes are also counted across the cluster (see SharedLimiter). */
export class SharedTokenBucket extends TokenBucket {
  constructor(
    capacity: number,
    perSecond: number,
    now: () => number,
    private shared: SharedLimiter,
    private key: string,
  ) {
    super(capacity, perSecond, now);
  }

  override take(n = 1): boolean {
    if (this.shared.blockedMs(this.key) > 0 || !super.take(n)) return false;
    void this.shared.spend(this.key, n);
    return true;
  }

  override has(n = 1): boolean {
    return this.shared.blockedMs(this.key) === 0 && super.has(n);
  }

  override msUntil(n = 1): number {
    return Math.max(this.shared.blockedMs(this.key), super.msUntil(n));
  }
}

/**
 * The exhibition slots of the cluster: one running exhibition per network, and at most so many
 * at once in all. A slot lasts for the exhibition's planned length (its real minutes), then
 * lapses by itself, whichever node runs the exhibition and whether or not that node lives.
 */
export class ExhibitionSlots {
  constructor(private redis: Redis) {}

  /** Takes a slot for `network`, or says which limit refused it and when a slot frees. */
  async take(network: string, minutes: number, atOnce: number): Promise<{ scope: 'network' | 'server'; retryAfterMs: number } | null> {
    const ms = Math.max(1000, Math.ceil(minutes * 60_000));
    const now = Date.now();
    const mine = `simul:exhibition:network:${network}`;
    if ((await this.redis.set(mine, String(now), 'PX', ms, 'NX')) !== 'OK') {
      return { scope: 'network', retryAfterMs: Math.max(1, await this.redis.pttl(mine)) };
    }
    const all = 'simul:exhibition:all';
    const member = `${network} ${now}`;
    const [, , [, running]] = (await this.redis
      .multi()
      .zremrangebyscore(all, 0, now)
      .zadd(all, now + ms, member)
      .zcard(all)
      .exec()) as [unknown, unknown, [unknown, number]];
    if (running <= atOnce) return null;
    await this.redis.multi().zrem(all, member).del(mine).exec();
    const [, first] = await this.redis.zrangebyscore(all, '-inf', '+inf', 'WITHSCORES', 'LIMIT', 0, 1);
    return { scope: 'server', retryAfterMs: Math.max(1, Number(first ?? now + 1000) - now) };
  }
}

/** How long a node's open counts last in Redis unrenewed: as long as a simul's lease, so a dead node's counts are gone by the time its simuls have moved. */
export const OPEN_COUNTS_TTL_MS = 3000;
const OPEN_NODES = 'simul:open:nodes';
const OPEN_PREFIX = 'simul:open:node:';

/**
 * The other live nodes' counts for one network, summed in one step: a node whose hash has
 * expired (it died, or holds nothing open) is dropped from the set of nodes.
 * (Standalone Redis: the script reads keys it was not given by name.)
 */
const SUM_ELSEWHERE = `
local total = 0
for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if node ~= ARGV[2] then
    local key = ARGV[3] .. node
    if redis.call('EXISTS', key) == 0 then
      redis.call('SREM', KEYS[1], node)
    else
      total = total + tonumber(redis.call('HGET', key, ARGV[1]) or '0')
    end
  end
end
return total`;

/**
 * The connections each network holds open on the other nodes of the cluster, so that a
 * network's open connections are bounded over all nodes, not per node. Each node writes its
 * own counts (its exact ones, never increments) to a Redis hash of its own that expires unless
 * renewed: the node rewrites it every third of `ttlMs`, so a node that dies takes its counts
 * with it within `ttlMs`, and a write lost while Redis was away is mended at the next renewal.
 */
export class SharedOpenCounts {
  readonly node = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private key = OPEN_PREFIX + this.node;
  private timer: ReturnType<typeof setInterval>;
  private stopped = false;

  constructor(
    private redis: Redis,
    /** This node's own counts, by network. */
    private counts: ReadonlyMap<string, number>,
    private ttlMs = OPEN_COUNTS_TTL_MS,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.max(1, Math.floor(ttlMs / 3)));
    this.timer.unref();
  }

  /**
   * What `network` holds open on the other live nodes. Redis away or slow (past `waitMs`):
   * 0, and the node's own count still holds.
   */
  async elsewhere(network: string, waitMs = 500): Promise<number> {
    if (this.redis.status !== 'ready') return 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(0), waitMs)));
    const asked = this.redis
      .eval(SUM_ELSEWHERE, 1, OPEN_NODES, network, this.node, OPEN_PREFIX)
      .then(Number)
      .catch((err: Error) => {
        console.error('shared open counts unavailable:', err.message);
        return 0;
      });
    try {
      return await Promise.race([asked, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Writes this node's count for `network` (after a connection opened or closed). */
  changed(network: string): void {
    if (this.stopped || this.redis.status !== 'ready') return;
    const n = this.counts.get(network) ?? 0;
    const write = this.redis.multi();
    if (n > 0) write.hset(this.key, network, n).pexpire(this.key, this.ttlMs).sadd(OPEN_NODES, this.node);
    else write.hdel(this.key, network);
    write.exec().catch(() => {});
  }

  /** Rewrites this node's hash from its counts and renews it. */
  private async renew(): Promise<void> {
    if (this.stopped || this.redis.status !== 'ready') return;
    const write = this.redis.multi().del(this.key);
    if (this.counts.size > 0) {
      write.hset(this.key, Object.fromEntries(this.counts)).pexpire(this.key, this.ttlMs).sadd(OPEN_NODES, this.node);
    }
    await write.exec().catch(() => {});
  }

  /** Stops renewing and takes this node's counts out at once (it shuts down). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    if (this.redis.status === 'ready') await this.redis.multi().del(this.key).srem(OPEN_NODES, this.node).exec().catch(() => {});
  }
}
