// message-class: the host's word to the whole class, a preset (its words are the app's, in
// every language) or its own text, cleaned as a title is (display-text.ts): hostile text is
// refused and nothing of it is kept. At most MESSAGE_RATE.count a minute, on the server's time.
import { cleanDisplayText } from '../display-text';
import { LIMITS, MESSAGE_PRESETS } from '../types';
import { accept, reject, type Decider } from './common';

/** How many words the host may send to the class within `perMs`. */
export const MESSAGE_RATE = { count: 3, perMs: 60_000 } as const;

export const decideMessageClass: Decider<'message-class'> = (state, _actor, command, now) => {
  const { preset, text } = command;
  if ((preset === undefined) === (text === undefined)) return reject('bad-payload');
  if (preset !== undefined && !MESSAGE_PRESETS.includes(preset)) return reject('bad-payload');
  const recent = state.messageTimes.filter((at) => now - at < MESSAGE_RATE.perMs);
  if (recent.length >= MESSAGE_RATE.count) {
    return reject('too-many-messages', { perMinute: MESSAGE_RATE.count, retryAfterMs: recent[0] + MESSAGE_RATE.perMs - now });
  }
  if (preset !== undefined) return accept({ type: 'class-message', preset });
  const cleaned = cleanDisplayText(text!, LIMITS.maxMessageLength);
  if (!cleaned.ok) return reject('message-invalid', cleaned.problem);
  return accept({ type: 'class-message', text: cleaned.text });
};
