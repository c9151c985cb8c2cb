// The hub's housekeeping: simuls nobody touches end, as unfinished.
import { describe, expect, it } from 'vitest';
import { SimulHub } from './simul-hub';
import { MemoryEventStore } from './store/memory-store';

describe('idle simuls', () => {
  it('ends, as unfinished, the simuls with no event for the idle time, and no others', async () => {
    let now = 1_000;
    const store = new MemoryEventStore();
    const hub = new SimulHub(store, () => now, () => {});
    const stale = hub.create({ title: 'Forgotten lobby', boards: 2, hostColor: 'white', mode: 'async' });
    now += 25 * 3600_000;
    const fresh = hub.create({ title: 'Today', boards: 2, hostColor: 'white', mode: 'async' });
    expect(await hub.endIdle(24 * 3600_000)).toBe(1);
    expect(hub.get(stale.simulId)!.state).toMatchObject({ phase: 'finished', endedEarly: true });
    expect(hub.get(fresh.simulId)!.state.phase).toBe('lobby');
    expect(hub.resolveCode(stale.joinCode)).toBeNull();
    expect(store.unfinishedSimulIds()).toEqual([fresh.simulId]);
  });
});
