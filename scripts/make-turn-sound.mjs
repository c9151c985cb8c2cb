// Writes public/sounds/your-turn.wav: the short chime a student's phone plays on their turn.
// Two soft notes (E5 then A5) with a quick fade, 16-bit mono PCM at 22,050 Hz. Made here, so
// the file is ours (MIT). Run: node scripts/make-turn-sound.mjs
import { writeFileSync } from 'node:fs';

const RATE = 22_050;
const NOTES = [
  { hz: 659.25, start: 0, length: 0.14 },
  { hz: 880.0, start: 0.12, length: 0.22 },
];
const seconds = 0.36;
const samples = new Float32Array(Math.round(RATE * seconds));
for (const { hz, start, length } of NOTES) {
  const from = Math.round(start * RATE);
  const count = Math.round(length * RATE);
  for (let i = 0; i < count && from + i < samples.length; i++) {
    const t = i / RATE;
    const attack = Math.min(1, i / (0.005 * RATE));
    const decay = Math.exp((-5 * t) / length);
    // A sine with a little of its octave: a bell rather than a beep.
    samples[from + i] += 0.35 * attack * decay * (Math.sin(2 * Math.PI * hz * t) + 0.25 * Math.sin(4 * Math.PI * hz * t));
  }
}

const data = Buffer.alloc(samples.length * 2);
samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32_767), i * 2));
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8);
header.write('fmt ', 12);
header.writeUInt32LE(16, 16); // PCM chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28); // bytes per second
header.writeUInt16LE(2, 32); // block align
header.writeUInt16LE(16, 34); // bits per sample
header.write('data', 36);
header.writeUInt32LE(data.length, 40);
writeFileSync(new URL('../public/sounds/your-turn.wav', import.meta.url), Buffer.concat([header, data]));
