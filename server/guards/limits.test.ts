import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsFromEnv } from './limits';

describe('limits from the environment', () => {
  it('keeps the defaults when nothing is set, or something unreadable', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ SIMUL_NETWORK_SCALE: 'lots', SIMUL_CREATE_PER_HOUR: '-3' })).toEqual(DEFAULT_LIMITS);
  });

  it('scales every budget one network shares, and only those', () => {
    const scaled = limitsFromEnv({ SIMUL_NETWORK_SCALE: '10' });
    expect(scaled.connectionsPerAddress).toBe(DEFAULT_LIMITS.connectionsPerAddress * 10);
    expect(scaled.joinsPerAddressPerMinute).toBe(DEFAULT_LIMITS.joinsPerAddressPerMinute * 10);
    expect(scaled.addressHelloByteBurst).toBe(DEFAULT_LIMITS.addressHelloByteBurst * 10);
    expect(scaled.commandsPerSecond).toBe(DEFAULT_LIMITS.commandsPerSecond);
    expect(scaled.maxOutboundBytes).toBe(DEFAULT_LIMITS.maxOutboundBytes);
  });

  it('takes the creation and join limits as given', () => {
    const set = limitsFromEnv({ SIMUL_CREATE_PER_HOUR: '5', SIMUL_JOINS_PER_MINUTE: '100', SIMUL_NETWORK_SCALE: '3' });
    expect(set.simulsPerAddressPerHour).toBe(5);
    expect(set.joinsPerAddressPerMinute).toBe(100);
  });
});
