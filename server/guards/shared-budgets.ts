// In a cluster (SIMUL_REDIS_URL), what one network spends is counted across every node, in Redis
// (rate-limiter-flexible's Redis store), so spreading over nodes gains an attacker nothing.
// The node's own token bucket still answers at once, on the frame's own turn; each token taken
// is also spent in Redis in the background, and a network whose spending over all nodes passes
// its budget is refused by every node until Redis's window for it ends.
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
