// Who runs a simul, in a cluster: one node at a time holds its lease. Each claim raises the
// simul's epoch, and every append carries the writer's epoch, so the shared store itself
// refuses the writes of a node whose lease has moved on (see postgres-store.ts).
export interface SimulLeases {
  /** This node's name in the leases (for the log and the operator). */
  readonly node: string;
  /** How often the node renews its leases; a lease lasts a few times this. */
  readonly renewMs: number;
  /**
   * Takes the simul's lease when it is free, expired or already this node's: the new epoch.
   * 'held' while another node holds it, 'unknown' when no such simul exists.
   */
  claim(simulId: string): Promise<number | 'held' | 'unknown'>;
  /** Renews every lease this node holds; returns the simuls it still holds. */
  renew(): Promise<Set<string>>;
  /** Gives back one lease (the room left memory); the epoch stays, so its old writes stay refused. */
  release(simulId: string, epoch: number): Promise<void>;
  /** Gives back every lease this node holds (it shuts down). */
  releaseAll(): Promise<void>;
}
