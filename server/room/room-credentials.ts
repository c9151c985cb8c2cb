// A room's credentials and who an actor is. The host key's hash, each seat's token's hash and
// the room's other secrets (bots' seeds, seats' networks, blocked networks) live here; the room
// asks `actorFor` on every command, so a freed or re-issued seat's old token grants nothing from
// the moment the event that changes the seat is decided. Nothing here is ever sent to anyone.
import { randomBytes } from 'node:crypto';
import { botSeedFrom } from '../../lib/bots/bot-random';
import type { BotSeed } from '../../lib/bots/spec';
import type { ClientActor, SimulEvent } from '../../lib/simul/types';
import { hashSecret, newSecret, secretMatches } from '../guards/secrets';
import type { SeatCredentialChange, SecretChange, SimulCredentials } from '../store/event-store';
import type { DispatchContext } from './room-port';
import type { Credential } from './room-session';

/** A bot's seat in the secrets: its board, or the host's side. */
export type BotSlot = number | 'host';

/** The names under which the room keeps its secrets in the store (SimulCredentials.secrets). */
export const SECRET_NAMES = {
  botSeed: (slot: BotSlot) => `bot-seed:${slot}`,
  seatNetwork: (board: number) => `seat-network:${board}`,
  blockedNetwork: (networkHash: string) => `blocked-network:${networkHash}`,
};

/** A new bot's secret: a key of 256 bits from the system's cryptographic source (64 hex digits). */
export function newBotSeed(): string {
  return randomBytes(32).toString('hex');
}

/** What a dispatch's events change in the credentials, committed with them. */
interface CredentialChanges {
  /** The seat whose token changes (a new one, or none when freed or taken by a bot). */
  seat?: SeatCredentialChange;
  /** The new seat's token, for whoever took or re-issued the seat: never kept, only its hash. */
  seatToken?: string;
  secrets: SecretChange[];
}

export class RoomCredentials {
  /** The board each current seat token (by hash) sits at. */
  private boardBySeatHash = new Map<string, number>();

  constructor(
    private readonly credentials: SimulCredentials,
    log: SimulEvent[],
  ) {
    moveSeedsToSecrets(log, credentials.secrets);
    for (const [board, hash] of credentials.seatTokenHashes) this.boardBySeatHash.set(hash, board);
  }

  /** The credential a hello's secret is, while it is current; null when it grants nothing. */
  credentialFor(hostKey?: string, seatToken?: string): Credential | null {
    if (hostKey) return secretMatches(hostKey, this.credentials.hostKeyHash) ? { kind: 'host', hash: hashSecret(hostKey) } : null;
    if (seatToken) {
      const hash = hashSecret(seatToken);
      return this.boardBySeatHash.has(hash) ? { kind: 'seat', hash } : null;
    }
    return { kind: 'none' };
  }

  /** Who a credential makes its session now: a seat token no longer current only watches. */
  actorFor(credential: Credential): ClientActor {
    if (credential.kind === 'host' && credential.hash === this.credentials.hostKeyHash) return { role: 'host' };
    if (credential.kind === 'seat') {
      const board = this.boardBySeatHash.get(credential.hash);
      if (board !== undefined) return { role: 'opponent', board };
    }
    return { role: 'spectator' };
  }

  /** The secret of the bot at `slot` (its board, or the host's side): never sent to anyone. */
  botSeed(slot: BotSlot): BotSeed {
    return botSeedFrom(this.credentials.secrets.get(SECRET_NAMES.botSeed(slot)));
  }

  /** Whether the host blocked `network` from joining this simul (durable: it survives a restart). */
  blocks(network: string): boolean {
    return this.credentials.secrets.has(SECRET_NAMES.blockedNetwork(hashSecret(network)));
  }

  /**
   * What `events` change, applied at once (in the same dispatch as the events, with no window in
   * between) and returned to be committed with them. A seat's secret changes together with the
   * event that changes the seat; a seated bot's seed and a person's seat's network (hashed, which
   * "remove and block" blocks with the seat, for the rest of the simul) are kept as secrets.
   */
  change(events: readonly SimulEvent[], context: DispatchContext): CredentialChanges {
    let seatToken: string | undefined;
    let seat: SeatCredentialChange | undefined;
    for (const e of events) {
      // A bot's seat has no secret: the server runs the bot (bot-runner.ts), not a device.
      if ((e.type === 'seat-taken' && !e.bot) || e.type === 'seat-reissued') {
        seatToken = newSecret();
        seat = { board: e.board, tokenHash: hashSecret(seatToken) };
      } else if (e.type === 'seat-freed' || e.type === 'seat-taken') {
        seat = { board: e.board, tokenHash: null };
      }
    }
    if (seat) this.changeSeat(seat);
    const secrets = this.secretChanges(events, context);
    for (const { name, value } of secrets) {
      if (value === null) this.credentials.secrets.delete(name);
      else this.credentials.secrets.set(name, value);
    }
    return { seat, seatToken, secrets };
  }

  private changeSeat(seat: SeatCredentialChange): void {
    const old = this.credentials.seatTokenHashes.get(seat.board);
    if (old) this.boardBySeatHash.delete(old);
    if (seat.tokenHash === null) {
      this.credentials.seatTokenHashes.delete(seat.board);
    } else {
      this.credentials.seatTokenHashes.set(seat.board, seat.tokenHash);
      this.boardBySeatHash.set(seat.tokenHash, seat.board);
    }
  }

  private secretChanges(events: readonly SimulEvent[], context: DispatchContext): SecretChange[] {
    const changes: SecretChange[] = [];
    for (const e of events) {
      // A seated bot's seed, or that of a bot the host handed an away student's board to.
      if ((e.type === 'seat-taken' && e.bot) || e.type === 'bot-took-over') {
        changes.push({ name: SECRET_NAMES.botSeed(e.board), value: String(context.botSeed ?? newBotSeed()) });
      } else if (e.type === 'seat-taken' && context.network) {
        changes.push({ name: SECRET_NAMES.seatNetwork(e.board), value: hashSecret(context.network) });
      } else if (e.type === 'seat-freed') {
        const squatter = this.credentials.secrets.get(SECRET_NAMES.seatNetwork(e.board));
        if (e.blocked && squatter) changes.push({ name: SECRET_NAMES.blockedNetwork(squatter), value: '1' });
        changes.push({ name: SECRET_NAMES.seatNetwork(e.board), value: null }, { name: SECRET_NAMES.botSeed(e.board), value: null });
      }
    }
    return changes;
  }
}

/**
 * A log written before bots' seeds were kept secret carries each seed in its bot's spec: the
 * seeds move to the secrets (the store keeps the old events as they were) and leave the events,
 * so that nothing served from this log reveals them.
 */
function moveSeedsToSecrets(log: SimulEvent[], secrets: Map<string, string>): void {
  for (const e of log) {
    const bot = e.type === 'seat-taken' ? e.bot : e.type === 'simul-created' ? e.hostBot : undefined;
    if (!bot || !('seed' in bot)) continue;
    const { seed, ...spec } = bot as typeof bot & { seed: unknown };
    const name = SECRET_NAMES.botSeed(e.type === 'seat-taken' ? e.board : 'host');
    if (!secrets.has(name) && typeof seed === 'number') secrets.set(name, String(seed));
    if (e.type === 'seat-taken') e.bot = spec;
    else if (e.type === 'simul-created') e.hostBot = spec;
  }
}
