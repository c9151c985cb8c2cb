// The budgets shared by all connections of one network (see network-address.ts), and the
// counts of what they refused, for the log. Per-connection budgets live on the socket.
import { BucketsByKey } from './rate-limit';
import type { ServerLimits } from './limits';

export interface RefusalCounts {
  missedLookups: number;
  lookupsRefused: number;
  connectionsRefused: number;
  originsRefused: number;
  floodsClosed: number;
  slowReadersClosed: number;
  joinsRefused: number;
  hellosRefused: number;
}

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

  constructor(
    readonly limits: ServerLimits,
    /** Real time by default: a flood is a matter of real seconds, whatever clock the simuls run on. */
    readonly now: () => number,
  ) {
    this.commands = new BucketsByKey(limits.addressCommandBurst, limits.addressCommandsPerSecond, now);
    this.helloBytes = new BucketsByKey(limits.addressHelloByteBurst, limits.addressHelloBytesPerSecond, now);
    this.missedLookups = new BucketsByKey(limits.missedLookupsPerMinute, limits.missedLookupsPerMinute / 60, now);
    this.newConnections = new BucketsByKey(limits.newConnectionsPerMinute, limits.newConnectionsPerMinute / 60, now);
    this.joins = new BucketsByKey(limits.joinsPerAddressPerMinute, limits.joinsPerAddressPerMinute / 60, now);
    this.creations = new BucketsByKey(limits.simulsPerAddressPerHour, limits.simulsPerAddressPerHour / 3600, now);
  }

  /** Admits a new connection from `address` (a network key), or says why not. */
  admitConnection(address: string): boolean {
    if ((this.open.get(address) ?? 0) >= this.limits.connectionsPerAddress || !this.newConnections.take(address)) {
      this.refused.connectionsRefused++;
      return false;
    }
    return true;
  }

  opened(address: string): void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
  }

  closed(address: string): void {
    const n = (this.open.get(address) ?? 1) - 1;
    if (n <= 0) this.open.delete(address);
    else this.open.set(address, n);
  }

  /** Whether `address` may look something up now: not while its misses are spent. */
  mayLookUp(address: string): boolean {
    if (this.missedLookups.get(address).has()) return true;
    this.refused.lookupsRefused++;
    return false;
  }

  /** A look-up that found nothing: a guess, counted against the network. */
  missed(address: string): void {
    this.refused.missedLookups++;
    this.missedLookups.take(address);
  }

  /** The counts since the last call, and zeroes them (for a periodic log line). */
  takeCounts(): RefusalCounts {
    const counts = { ...this.refused };
    for (const k of Object.keys(this.refused) as (keyof RefusalCounts)[]) this.refused[k] = 0;
    return counts;
  }
}
