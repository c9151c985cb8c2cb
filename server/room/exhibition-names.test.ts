// An exhibition's simuls carry no words in their log (issue 27, row 9): the server names neither
// the simuls nor their bots in a language; each view words them in its reader's (app/words:
// simulTitle, seatedName).
import { describe, expect, it } from 'vitest';
import type { SimulEvent } from '../../lib/simul/types';
import { MemoryEventStore } from '../store/memory-store';
import { SimulHub } from './simul-hub';
import { ManualClock } from './simul-time';

describe("an exhibition's log", () => {
  it('names neither its simuls nor its bots: no title, no bot name, in any language', async () => {
    const hub = new SimulHub(new MemoryEventStore(), new ManualClock(Date.UTC(2026, 11, 7, 9)));
    const started = await hub.createExhibition({ n: 3, h: 5, o: 55, m: 2, speed: 1, seed: 7 }, 'class');
    if (!started.ok) throw new Error(started.error.code);
    for (const id of [started.sync, started.async]) {
      const room = hub.get(id)!;
      const words = (e: SimulEvent) => (e.type === 'simul-created' ? [e.title] : e.type === 'seat-taken' ? [e.name] : []);
      expect(room.log.flatMap(words)).toEqual(['', '', '', '']);
      expect(room.state.exhibition).not.toBeNull();
      expect([...room.state.boards.values()].map((b) => b.opponent?.bot !== undefined)).toEqual([true, true, true]);
      room.stop();
    }
  });
});
