import { describe, expect, it } from 'vitest';
import { replay } from '../simul/evolve';
import { snapshot } from '../simul/test-log';
import { simulLogJson, type SimulLogFile } from './json';
import { asyncSimul, syncSimul } from './test-simuls';

describe('simulLogJson', () => {
  const s = asyncSimul();
  const text = simulLogJson(s.log);
  const file = JSON.parse(text) as SimulLogFile;

  it('has a small header: format, version, simul id, and the events', () => {
    expect(Object.keys(file)).toEqual(['format', 'version', 'simulId', 'events']);
    expect(file).toMatchObject({ format: 'async-simul-log', version: 1, simulId: 'sim-1' });
  });

  it('holds every event as recorded, so replaying it gives the same state', () => {
    expect(file.events).toEqual(s.log);
    expect(snapshot(replay(file.events))).toEqual(snapshot(s.state));
  });

  it('is pretty-printed and deterministic (no export time)', () => {
    expect(text.startsWith('{\n  "format": "async-simul-log",\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(simulLogJson(asyncSimul().log)).toBe(text);
    expect(text).not.toMatch(/exported/i);
  });

  it('works for any log, even one without its creation event', () => {
    const sync = syncSimul().log;
    expect(JSON.parse(simulLogJson(sync)).events).toHaveLength(sync.length);
    expect(JSON.parse(simulLogJson(sync.slice(1))).simulId).toBeNull();
    expect(JSON.parse(simulLogJson([]))).toEqual({ format: 'async-simul-log', version: 1, simulId: null, events: [] });
  });
});
