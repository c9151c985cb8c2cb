import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatSpeedUp } from './format';

describe('formatDuration', () => {
  it('reads as people say it', () => {
    expect(formatDuration(55_000)).toBe('55 s');
    expect(formatDuration(250_000)).toBe('4 min 10 s');
    expect(formatDuration(3_655_000)).toBe('1 h 0 min 55 s');
    expect(formatDuration(43_200_000)).toBe('12 h 0 min 0 s');
    expect(formatDuration(60_000)).toBe('1 min 0 s');
  });

  it('shows tenths below a second, whole seconds above', () => {
    expect(formatDuration(400)).toBe('0.4 s');
    expect(formatDuration(960)).toBe('1 s');
    expect(formatDuration(20)).toBe('0 s');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59_600)).toBe('1 min 0 s');
    expect(formatDuration(1_400)).toBe('1 s');
  });

  it('survives odd input', () => {
    expect(formatDuration(-55_000)).toBe('-55 s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatPercent and formatSpeedUp', () => {
  it('round for display', () => {
    expect(formatPercent(3_600 / 3_655)).toBe('98%');
    expect(formatSpeedUp(43_200 / 3_655)).toBe('11.8×');
    expect(formatSpeedUp(null)).toBe('—');
  });
});
