// The budgets shared by all connections of one network (see network-address.ts), and the
// counts of what they refused, for the log. Per-connection budgets live on the socket.
// In a cluster (a Redis given) a network's budgets are counted across all nodes (shared-budgets.ts).
import type { Redis } from 'ioredis';
import { BucketsByKey } from './rate-limit';
import type { ServerLimits } from './limits';
import { ExhibitionSlots, SharedLimiter, SharedOpenCounts, SharedTokenBucket } from './shared-budgets';

interface RefusalCounts {
  missedLookups: number;
  lookupsRefused: number;
  connectionsRefused: number;
  originsRefused: number;
  floodsClosed: number;
  slowReadersClosed: number;
  joinsRefused: number;
  hellosRefused: number;
}

/** How many simuls a network is remembered to have opened, and for how many networks. */
const OPENED_PER_NETWORK = 16;
const OPENED_NETWORKS = 20_000;

export class AddressBudgets {
  readonly commands: BucketsByKey;
  readonly helloBytes: BucketsByKey;
  readonly missedLookups: BucketsByKey;
  readonly newConnections: BucketsByKey;
  /** Keyed by simul and network. */
  readonly joins: BucketsByKey;
  readonly creations: BucketsByKey;
  private open = new Map<string, number>();
  readonly refused: RefusalCounts = {
    missedLookups: 0,
    lookupsRefused: 0,
    connectionsRefused: 0,
    originsRefused: 0,
    floodsClosed: 0,
    slowReadersClosed: 0,
    joinsRefused: 0,
    hellosRefused: 0,
  };

  /** In a cluster: the exhibition slots of all nodes (otherwise the hub counts its own). */
  readonly exhibitions: ExhibitionSlots | null;
  /** In a cluster: the connections each network holds open on the other nodes. */
  readonly openElsewhere: SharedOpenCounts | null;

  constructor(
    readonly limits: ServerLimits,
    /** Real time by default: a flood is a matter of real seconds, whatever clock the simuls run on. */
    readonly now: () => number,
    /** In a cluster: the Redis where every node counts what each network spends. */
    redis?: Redis,
  ) {
    const budget = (kind: string, capacity: number, perSecond: number) => {
      if (!redis) return new BucketsByKey(capacity, perSecond, now);
      const shared = new SharedLimiter(redis, kind, capacity, perSecond, now);
      return new BucketsByKey(capacity, perSecond, now, (key) => new SharedTokenBucket(capacity, perSecond, now, shared, key));
    };
    this.commands = budget('commands', limits.addressCommandBurst, limits.addressCommandsPerSecond);
    this.helloBytes = budget('hello-bytes', limits.addressHelloByteBurst, limits.addressHelloBytesPerSecond);
    this.missedLookups = budget('missed-lookups', limits.missedLookupsPerMinute, limits.missedLookupsPerMinute / 60);
    this.newConnections = budget('new-connections', limits.newConnectionsPerMinute, limits.newConnectionsPerMinute / 60);
    this.joins = budget('joins', limits.joinsPerAddressPerMinute, limits.joinsPerAddressPerMinute / 60);
    this.creations = budget('creations', limits.simulsPerAddressPerHour, limits.simulsPerAddressPerHour / 3600);
    this.exhibitions = redis ? new ExhibitionSlots(redis) : null;
    this.openElsewhere = redis ? new SharedOpenCounts(redis, this.open) : null;
  }

  /**
   * Admits a new connection from `address` (a network key), or says why not: the network's
   * open connections (on every node, in a cluster) are within its limit, and so is its rate.
   */
  async admitConnection(address: string): Promise<boolean> {
    const here = this.open.get(address) ?? 0;
    const limit = this.limits.connectionsPerAddress;
    const admitted =
      here < limit && (!this.openElsewhere || here + (await this.openElsewhere.elsewhere(address)) < limit) && this.newConnections.take(address);
    if (!admitted) this.refused.connectionsRefused++;
    return admitted;
  }

  opened(address: string): void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    this.openElsewhere?.changed(address);
  }

  closed(address: string): void {
    const n = (this.open.get(address) ?? 1) - 1;
    if (n <= 0) this.open.delete(address);
    else this.open.set(address, n);
    this.openElsewhere?.changed(address);
  }

  /** Stops sharing this node's counts (it shuts down): the other nodes stop counting them at once. */
  async close(): Promise<void> {
    await this.openElsewhere?.stop();
  }

  /**
   * Whether a look-up by a simul's id or join code is answered, and counts it: a miss spends
   * the network's miss budget, and once that is spent misses are refused. A hit is never
   * refused by it (a teacher and a class behind one address with a curious student), but a
   * join code is a guess of six digits: a code is answered while misses remain, or when the
   * network already opened its simul (its host or projector said hello, another student typed
   * it), so that a spent budget answers no new code, found or not. An id is no guess (about
   * 50 bits): `byId` hits are always answered.
   */
  answerLookUp(address: string, found: string | null, byId: boolean): boolean {
    if (found && (byId || this.knows(address, found))) {
      this.remember(address, found);
      return true;
    }
    if (!this.missedLookups.get(address).has()) {
      this.refused.lookupsRefused++;
      return false;
    }
    if (found) this.remember(address, found);
    else {
      this.refused.missedLookups++;
      this.missedLookups.take(address);
    }
    return true;
  }

  /** How long until the network's next miss would be answered. */
  missesRefillMs(address: string): number {
    return this.missedLookups.get(address).msUntil();
  }

  /** The simuls each network opened lately, newest last: a few per network, for a bounded number of networks. */
  private simulsOpened = new Map<string, string[]>();

  private knows(address: string, simulId: string): boolean {
    return this.simulsOpened.get(address)?.includes(simulId) ?? false;
  }

  private remember(address: string, simulId: string): void {
    const opened = this.simulsOpened;
    const ids = (opened.get(address) ?? []).filter((id) => id !== simulId);
    ids.push(simulId);
    // Re-inserted: the map's order is the networks' last use, oldest first.
    opened.delete(address);
    opened.set(address, ids.slice(-OPENED_PER_NETWORK));
    if (opened.size > OPENED_NETWORKS) opened.delete(opened.keys().next().value!);
  }

  /** The counts since the last call, and zeroes them (for a periodic log line). */
  takeCounts(): RefusalCounts {
    const counts = { ...this.refused };
    for (const k of Object.keys(this.refused) as (keyof RefusalCounts)[]) this.refused[k] = 0;
    return counts;
  }
}
