// The host's word to the class on the wire: a preset of the list, or text (the domain cleans it); nothing else.
import { describe, expect, it } from 'vitest';
import { commandSchema } from './schemas';

describe('message-class on the wire', () => {
  it('parses presets and text on the wire, nothing else', () => {
    expect(commandSchema.safeParse({ type: 'message-class', preset: 'five-minutes' }).success).toBe(true);
    expect(commandSchema.safeParse({ type: 'message-class', text: 'Hi' }).success).toBe(true);
    expect(commandSchema.safeParse({ type: 'message-class', preset: 'free-pizza' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'message-class', text: 'Hi', html: '<b>' }).success).toBe(false);
  });
});
