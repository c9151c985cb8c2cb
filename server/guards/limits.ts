// Every budget a client is held to, per connection and per network (see network-address.ts).
// The defaults let a class play at full speed with every device on one network, and stop one
// hostile client long before it slows the others. Each can be set from the environment.
export interface ServerLimits {
  /** Frames (commands, hellos, anything) a connection may send per second, sustained and in a burst. */
  commandsPerSecond: number;
  commandBurst: number;
  /** The same for all connections of one network together. */
  addressCommandsPerSecond: number;
  addressCommandBurst: number;
  /** Refused frames a connection may collect (refilled at one a second) before it is disconnected. */
  floodStrikes: number;
  /** Hellos a connection may send per second, and in a burst (the next page of a log is free). */
  hellosPerSecond: number;
  helloBurst: number;
  /** Bytes of hello replies (logs, snapshots) a connection may be sent per second, and in a burst. */
  helloBytesPerSecond: number;
  helloByteBurst: number;
  /** The same for all connections of one network together. */
  addressHelloBytesPerSecond: number;
  addressHelloByteBurst: number;
  /** A connection whose unsent output grows past this many bytes (it stopped reading) is closed. */
  maxOutboundBytes: number;
  /** Open connections one network may hold, and new ones it may open per minute (after a burst of as many). */
  connectionsPerAddress: number;
  newConnectionsPerMinute: number;
  /** Join codes and simul ids one network may look up in vain per minute (after a burst of as many). */
  missedLookupsPerMinute: number;
  /** Seats one network may take in one simul per minute (after a burst of as many). */
  joinsPerAddressPerMinute: number;
  /** Simuls one network may create per hour (a teacher needs a few; a script, no more). An exhibition counts two. */
  simulsPerAddressPerHour: number;
  /** Exhibitions (bots on simulated clocks) running at once: one per network, and this many on the server. */
  exhibitionsAtOnce: number;
  /** The share of one core every exhibition together may take, so that real simuls keep the rest. */
  exhibitionCpuShare: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  commandsPerSecond: 20,
  commandBurst: 40,
  addressCommandsPerSecond: 400,
  addressCommandBurst: 800,
  floodStrikes: 10,
  hellosPerSecond: 1,
  helloBurst: 5,
  helloBytesPerSecond: 512 * 1024,
  helloByteBurst: 2 * 1024 * 1024,
  addressHelloBytesPerSecond: 2 * 1024 * 1024,
  addressHelloByteBurst: 8 * 1024 * 1024,
  maxOutboundBytes: 2 * 1024 * 1024,
  connectionsPerAddress: 100,
  newConnectionsPerMinute: 60,
  missedLookupsPerMinute: 10,
  joinsPerAddressPerMinute: 10,
  simulsPerAddressPerHour: 60,
  exhibitionsAtOnce: 4,
  exhibitionCpuShare: 0.25,
};

/**
 * The environment's settings over the defaults: SIMUL_CREATE_PER_HOUR; SIMUL_NETWORK_SCALE, which
 * multiplies every budget shared by one network (for a class behind one shared address, in front
 * of a public server: 30 phones are then one network); SIMUL_JOINS_PER_MINUTE on top of that.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): ServerLimits {
  const number = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
  };
  const scale = number('SIMUL_NETWORK_SCALE', 1);
  const d = DEFAULT_LIMITS;
  return {
    ...d,
    addressCommandsPerSecond: d.addressCommandsPerSecond * scale,
    addressCommandBurst: d.addressCommandBurst * scale,
    addressHelloBytesPerSecond: d.addressHelloBytesPerSecond * scale,
    addressHelloByteBurst: d.addressHelloByteBurst * scale,
    connectionsPerAddress: d.connectionsPerAddress * scale,
    newConnectionsPerMinute: d.newConnectionsPerMinute * scale,
    missedLookupsPerMinute: d.missedLookupsPerMinute * scale,
    joinsPerAddressPerMinute: number('SIMUL_JOINS_PER_MINUTE', d.joinsPerAddressPerMinute * scale),
    simulsPerAddressPerHour: number('SIMUL_CREATE_PER_HOUR', d.simulsPerAddressPerHour),
  };
}
