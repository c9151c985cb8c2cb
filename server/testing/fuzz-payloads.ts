// Generated hostile payloads for the fuzz test. Every case is built so that the server must
// refuse it: a payload that is malformed at the parser, or well-formed but not allowed for the
// socket that sends it (the sockets are strangers, spectators and opponents in a simul's lobby,
// who can do nothing but watch). The generator never builds a valid name, create or hello.
import { MAX_PAYLOAD_BYTES } from '../../lib/protocol/events';
import { LIMITS } from '../../lib/simul/types';
import type { Prng } from '../../lib/random';

const KNOWN_EVENTS = ['simul:create', 'simul:hello', 'simul:join', 'simul:command'] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];

/** The real simuls on the server, so payloads can carry real ids and other simuls' secrets. */
export interface FuzzWorld {
  simuls: { simulId: string; hostKey: string; seatTokens: string[] }[];
}

type Expectation =
  /** An ack: refused with exactly `bad-payload`, or refused with any known code. */
  | { kind: 'ack'; code: 'bad-payload' | 'refused' }
  /** Emitted without a callback: nothing comes back, nothing may change. */
  | { kind: 'no-ack' }
  /** Above the transport's size cap: the server closes this socket. */
  | { kind: 'disconnect' }
  /** A broken Socket.IO packet written under the client: the server ignores it or closes the socket. */
  | { kind: 'raw' };

export interface FuzzCase {
  category: string;
  event: string;
  /** The emitted arguments; the ack callback, if any, is added by whoever sends the case. */
  args: unknown[];
  /** For `raw` cases: the Socket.IO packet text written to the engine. */
  raw?: string;
  expect: Expectation;
}

type FieldType = 'string' | 'number' | 'boolean';

const FIELD_TYPES: Record<string, FieldType> = {
  title: 'string',
  boards: 'number',
  hostColor: 'string',
  mode: 'string',
  code: 'string',
  simulId: 'string',
  lastSeq: 'number',
  v: 'number',
  hostKey: 'string',
  seatToken: 'string',
  name: 'string',
  board: 'number',
  type: 'string',
  from: 'string',
  to: 'string',
  promotion: 'string',
  clientMoveId: 'string',
  accept: 'boolean',
};

/** Values of the right type that the schema refuses (NaN and Infinity travel as null). */
const BAD_VALUES: Record<string, readonly unknown[]> = {
  title: ['x'.repeat(201), ' '.repeat(250), 'é'.repeat(300)],
  boards: [0, 101, -1, 2.5, NaN, Infinity, 1e21],
  hostColor: ['red', 'WHITE', '', 'white '],
  mode: ['turbo', 'ASYNC', ''],
  code: ['12345', '1234567', 'abcdef', '12 456', '１２３４５６'],
  simulId: ['ABCDEFGHIJ', 'abc', 'a'.repeat(21), '../../etc', 'abc-def-gh', '', 'abcdefgh\u0000', 'abcdefghé'],
  lastSeq: [-1, 1.5, NaN, Infinity, 2 ** 53 + 2],
  hostKey: ['short', 'x'.repeat(65), 'sixteen chars with spaces', 'ü'.repeat(20), ''],
  seatToken: ['short', 'y'.repeat(65), 'token/with/slashes/', '\u0000'.repeat(20), ''],
  name: ['n'.repeat(201), ' '.repeat(250), 'é'.repeat(300)],
  board: [0, 101, -1, 1.5, NaN, Infinity, -0, 1e9],
  type: ['teleport', 'MOVE', 'join', '', 'move ', 'constructor', '__proto__'],
  from: ['z9', 'i1', 'a0', 'e9', 'E2', '', ' e2', 'e2e4'],
  to: ['z9', 'h9', 'a0', 'E4', '', 'e4 ', '44'],
  promotion: ['k', 'p', 'Q', 'queen', ''],
  clientMoveId: ['', 'has space', 'x'.repeat(65), 'id/..', '<script>', 'ü', 'a\nb'],
};

/** Assorted values of every JSON type (and a Buffer, sent as a binary attachment). */
function anyValues(): unknown[] {
  return [
    ...[null, true, false, 0, 1, -1, 3.14, '', 'e2', '1', 'true'],
    ...[[], [1], ['e2', 'e4'], {}, { board: 1 }, Buffer.from('00ff', 'hex')],
  ];
}

function wrongTypeValue(rng: Prng, type: FieldType): unknown {
  return rng.pick(anyValues().filter((v) => typeof v !== type));
}

/** Control characters that the name check refuses and whitespace folding does not remove. */
const CONTROL_CHARS = [...Array.from({ length: 9 }, (_, i) => i), ...Array.from({ length: 18 }, (_, i) => 14 + i), 127].map(
  (c) => String.fromCharCode(c),
);

/** Invisible characters, a lone surrogate and a stack of accents: refused in names and titles alike. */
const HIDDEN_TRICKS = ['\u200b', '\u202e', '\u2066', '\u00ad', '\u3164', '\uD800', '\uDFFF', '\u0301'.repeat(5)];

/** Display text of at most 200 characters that a name or title check refuses (`max` is its limit). */
function invalidDisplayText(rng: Prng, max: number): string {
  switch (rng.int(0, 3)) {
    case 0: {
      const base = rng.string(rng.int(1, 10), 'abcdefghij');
      return `${base}${rng.pick([...CONTROL_CHARS, ...HIDDEN_TRICKS])}${rng.string(rng.int(0, 10), 'klmnop')}`;
    }
    case 1:
      return rng.string(rng.int(max + 1, 200), 'abcdefghijklmnopqrstuvwxyz0123456789');
    case 2:
      return rng.pick(['', ' ', '   ', '\t\n', '\u3000', '\u00a0\u00a0']);
    default:
      // Exactly 200 characters with a control character in it: both rules refuse it.
      return `${'a'.repeat(100)}\u0007${'b'.repeat(99)}`;
  }
}

/** An id that matches the schema but that the server never issues (ids avoid 0, 1, l and o). */
function unissuedSimulId(rng: Prng): string {
  const id = rng.string(rng.int(5, 19), 'abcdefghijkmnpqrstuvwxyz23456789');
  return `${id}${rng.pick(['0', '1', 'l', 'o'])}`;
}

/** A well-formed secret that no simul issued. */
function forgedSecret(rng: Prng): string {
  return rng.string(rng.int(16, 64), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
}

function square(rng: Prng): string {
  return `${rng.pick([...'abcdefgh'])}${rng.int(1, 8)}`;
}

interface Template {
  event: KnownEvent;
  payload: Record<string, unknown>;
  required: string[];
  /** Every key the schema knows for this payload: an extra key is one not in this list. */
  allowed: string[];
}

const COMMAND_KEYS: Record<string, string[]> = {
  'free-seat': ['board'],
  'reissue-seat': ['board'],
  'close-joining': [],
  'open-joining': [],
  start: [],
  move: ['board', 'from', 'to', 'promotion', 'clientMoveId'],
  resign: ['board'],
  'offer-draw': ['board'],
  'answer-draw': ['board', 'accept'],
  focus: ['board'],
  'abort-game': ['board'],
  'end-simul': [],
};

/** A command that parses: what a stranger, a spectator or a seated opponent in a lobby may not do. */
function validCommand(rng: Prng): Record<string, unknown> {
  const type = rng.pick(Object.keys(COMMAND_KEYS));
  const command: Record<string, unknown> = { type };
  for (const key of COMMAND_KEYS[type]) {
    if (key === 'board') command.board = rng.chance(0.7) ? rng.int(1, 3) : rng.int(1, 100);
    else if (key === 'from' || key === 'to') command[key] = square(rng);
    else if (key === 'promotion') {
      if (rng.chance(0.3)) command.promotion = rng.pick(['q', 'r', 'b', 'n']);
    } else if (key === 'clientMoveId') command.clientMoveId = `fz${rng.int(0, 1e9)}`;
    else if (key === 'accept') command.accept = rng.chance(0.5);
  }
  return command;
}

/** A payload of the right shape for its event, built from values that parse. */
function template(rng: Prng, world: FuzzWorld): Template {
  const event = rng.pick(KNOWN_EVENTS);
  switch (event) {
    case 'simul:create':
      return {
        event,
        payload: { title: 'Fuzz', boards: rng.int(1, 100), hostColor: 'white', mode: 'async' },
        required: ['title', 'boards', 'hostColor', 'mode'],
        allowed: ['title', 'boards', 'hostColor', 'mode'],
      };
    case 'simul:hello':
      return {
        event,
        payload: { v: 2, simulId: rng.pick(world.simuls).simulId, lastSeq: 0, hostKey: forgedSecret(rng) },
        required: ['v', 'simulId', 'lastSeq'],
        allowed: ['v', 'simulId', 'lastSeq', 'hostKey', 'seatToken', 'want', 'listen', 'boardSeq'],
      };
    case 'simul:join':
      return {
        event,
        payload: rng.chance(0.5) ? { name: 'Valid Name' } : { name: 'Valid Name', board: rng.int(1, 3) },
        required: ['name'],
        allowed: ['name', 'board'],
      };
    case 'simul:command': {
      const payload = validCommand(rng);
      const keys = COMMAND_KEYS[payload.type as string];
      return {
        event,
        payload,
        required: ['type', ...keys.filter((k) => k !== 'promotion')],
        allowed: ['type', ...keys],
      };
    }
  }
}

const EXTRA_KEYS = [
  ...['admin', 'role', 'isHost', 'playerId', 'seq', 'at', 'simulId', 'hostKey', 'seatToken'],
  ...['board', 'by', 'san', 'promotion', 'accept', 'name', 'type', 'extra', ''],
];

/** An extra key's value: for credential-like keys, another simul's real id or secret. */
function extraValue(rng: Prng, key: string, world: FuzzWorld): unknown {
  const simul = rng.pick(world.simuls);
  if (key === 'simulId') return simul.simulId;
  if (key === 'hostKey') return simul.hostKey;
  if (key === 'seatToken' && simul.seatTokens.length > 0) return rng.pick(simul.seatTokens);
  if (key === 'role') return 'host';
  return rng.pick(anyValues());
}

function nested(depth: number, array: boolean): unknown {
  let value: unknown = array ? [] : { leaf: true };
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
}

/** The JSON of `payload` with an own key `key` in front: JSON.parse makes it an own property. */
function withOwnKey(payload: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const rest = JSON.stringify(payload).slice(1);
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}${rest === '}' ? '}' : `,${rest}`}`);
}

function wireBytes(event: string, args: unknown[]): number {
  return Buffer.byteLength(JSON.stringify([event, ...args]));
}

/** Below this many bytes a payload surely reaches the parser; above OVERSIZE it surely does not. */
const UNDERSIZE = MAX_PAYLOAD_BYTES - 400;
const OVERSIZE = MAX_PAYLOAD_BYTES + 400;

function hugeString(rng: Prng, approxBytes: number): string {
  const unit = rng.pick(['x', 'é', '€', '\u0000', '"', '\\']);
  // JSON escapes make '"', '\\' and '\u0000' take 2 or 6 bytes on the wire.
  const wire = Buffer.byteLength(JSON.stringify(unit)) - 2;
  return unit.repeat(Math.max(1, Math.floor(approxBytes / wire)));
}

function field(rng: Prng, t: Template): string {
  return rng.pick(Object.keys(t.payload));
}

const PROTO_VALUES = [
  { polluted: 'yes' },
  { isHost: true, role: 'host' },
  { hostKey: 'A'.repeat(32) },
  { prototype: { polluted: 'yes' } },
];

const RAW_PACKETS = [
  '2["simul:command"', // truncated JSON
  '2{"type":"start"}', // not an array
  '2["disconnect"]', // a reserved event name
  '2["connect",{}]',
  '2[]',
  '2[{"a":1}]',
  '2[1,{"type":"start"}]', // a numeric event name
  '2["simul:command",1,2,3]',
  '2x',
  '9["simul:command"]', // an unknown packet type
  '2/admin,["simul:command",{}]', // a namespace nobody joined
  '3["ok"]', // an ack for nothing
  '51-["simul:command",{"_placeholder":true,"num":0}]', // a binary attachment that never comes
  '2["__proto__",{"polluted":"yes"}]',
  '2["simul:command",{"__proto__":{"polluted":"yes"},"type":"start"}]',
];

const UNKNOWN_EVENTS = [
  ...['simul:hack', 'simul:events', 'simul:revoked', 'SIMUL:COMMAND', 'simul:command ', 'error'],
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(100)],
];

/** A case that must be refused: malformed or not allowed for the fuzzing sockets. */
function refusedCase(rng: Prng, world: FuzzWorld): FuzzCase {
  const t = template(rng, world);
  const ack = (category: string, payload: unknown, code: 'bad-payload' | 'refused' = 'bad-payload'): FuzzCase => ({
    category,
    event: t.event,
    args: [payload],
    expect: { kind: 'ack', code },
  });
  const roll = rng.int(0, 99);

  if (roll < 8) {
    const notAnObject = anyValues().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v));
    return ack('wrong-type-payload', rng.pick([...notAnObject, undefined, 'simul:hello', 42, Buffer.from('{}')]));
  }
  if (roll < 16) {
    const payload = { ...t.payload };
    delete payload[rng.pick(t.required)];
    return ack('missing-field', payload);
  }
  if (roll < 26) {
    const key = rng.pick(EXTRA_KEYS.filter((k) => !t.allowed.includes(k)));
    return ack('extra-field', { ...t.payload, [key]: extraValue(rng, key, world) });
  }
  if (roll < 34) {
    const f = field(rng, t);
    return ack('wrong-type-field', { ...t.payload, [f]: wrongTypeValue(rng, FIELD_TYPES[f]) });
  }
  if (roll < 48) {
    const f = rng.pick(Object.keys(t.payload).filter((k) => BAD_VALUES[k]));
    if (f === undefined) return ack('missing-field', null);
    return ack('invalid-value', { ...t.payload, [f]: rng.pick(BAD_VALUES[f]) });
  }
  if (roll < 64) return allowedShapeRefused(rng, world);
  if (roll < 72) {
    const key = rng.pick(['__proto__', 'constructor', 'prototype']);
    const value = rng.pick(PROTO_VALUES);
    if (rng.chance(0.5)) return ack('proto-key', withOwnKey(t.payload, key, value));
    // Inside a field: the field then has the wrong type.
    const f = field(rng, t);
    return ack('proto-key', { ...t.payload, [f]: withOwnKey({}, key, value) });
  }
  if (roll < 78) {
    const f = field(rng, t);
    const payload = { ...t.payload, [f]: hugeString(rng, rng.int(1500, UNDERSIZE - 300)) };
    return wireBytes(t.event, [payload]) < UNDERSIZE ? ack('huge-string', payload) : ack('huge-string', { [f]: 'x'.repeat(2000) });
  }
  if (roll < 83) {
    const array = Array.from({ length: rng.int(100, 1500) }, () => rng.int(0, 9));
    return ack('huge-array', rng.chance(0.5) ? array : { ...t.payload, [field(rng, t)]: array });
  }
  if (roll < 88) {
    const array = rng.chance(0.5);
    const depth = array ? rng.int(100, 3000) : rng.int(50, 1000);
    return ack('deep-nesting', rng.chance(0.5) ? nested(depth, array) : { ...t.payload, [field(rng, t)]: nested(depth, array) });
  }
  if (roll < 92) return { category: 'no-payload', event: t.event, args: [], expect: { kind: 'ack', code: 'bad-payload' } };
  // A payload followed by more arguments: even a payload that would parse is refused.
  return {
    category: 'extra-arguments',
    event: t.event,
    args: [t.payload, ...Array.from({ length: rng.int(1, 3) }, () => rng.pick(anyValues()))],
    expect: { kind: 'ack', code: 'bad-payload' },
  };
}

/**
 * Payloads that parse, refused by who sends them: names and titles the server refuses, commands the
 * fuzzing sockets may not give, hellos with another simul's or a forged credential, codes
 * and ids that were never issued.
 */
function allowedShapeRefused(rng: Prng, world: FuzzWorld): FuzzCase {
  const refused = (category: string, event: KnownEvent, payload: unknown): FuzzCase => ({
    category,
    event,
    args: [payload],
    expect: { kind: 'ack', code: 'refused' },
  });
  switch (rng.int(0, 5)) {
    case 0: {
      const name = invalidDisplayText(rng, LIMITS.maxNameLength);
      return refused('invalid-name', 'simul:join', rng.chance(0.5) ? { name } : { name, board: rng.int(1, 100) });
    }
    case 1: {
      const title = invalidDisplayText(rng, LIMITS.maxTitleLength);
      return refused('invalid-title', 'simul:create', { title, boards: rng.int(1, 100), hostColor: 'white', mode: 'async' });
    }
    case 2: {
      // Present simul X with a credential that belongs to simul Y.
      const target = rng.pick(world.simuls);
      const others = world.simuls.filter((s) => s !== target);
      const other = rng.pick(others);
      const credential =
        rng.chance(0.5) || other.seatTokens.length === 0
          ? { hostKey: other.hostKey }
          : { seatToken: rng.pick(other.seatTokens) };
      return refused('other-simul-credential', 'simul:hello', { v: 2, simulId: target.simulId, lastSeq: rng.int(0, 50), ...credential });
    }
    case 3: {
      const simulId = rng.chance(0.5) ? rng.pick(world.simuls).simulId : unissuedSimulId(rng);
      const credential = rng.pick([
        { hostKey: forgedSecret(rng) },
        { seatToken: forgedSecret(rng) },
        { hostKey: forgedSecret(rng), seatToken: forgedSecret(rng) },
      ]);
      return refused('forged-credential', 'simul:hello', { v: 2, simulId, lastSeq: 0, ...credential });
    }
    case 4:
      return refused('unissued-id', 'simul:hello', { v: 2, simulId: unissuedSimulId(rng), lastSeq: 0 });
    default:
      return refused('command-not-allowed', 'simul:command', validCommand(rng));
  }
}

/** The next fuzz case: mostly acked refusals, and some non-ack, unknown, oversized and raw ones. */
export function nextCase(rng: Prng, world: FuzzWorld): FuzzCase {
  const roll = rng.int(0, 999);
  if (roll < 6) {
    const t = template(rng, world);
    const payload = rng.chance(0.5)
      ? { ...t.payload, [field(rng, t)]: hugeString(rng, rng.int(OVERSIZE, 40_000)) }
      : Array.from({ length: rng.int(OVERSIZE / 2, 10_000) }, () => 1);
    if (wireBytes(t.event, [payload]) < OVERSIZE) throw new Error('an oversized case came out too small');
    return { category: 'oversize', event: t.event, args: [payload], expect: { kind: 'disconnect' } };
  }
  if (roll < 12) {
    return { category: 'raw-packet', event: '', args: [], raw: rng.pick(RAW_PACKETS), expect: { kind: 'raw' } };
  }
  if (roll < 50) {
    const event = rng.pick(UNKNOWN_EVENTS);
    return { category: 'unknown-event', event, args: [rng.pick(anyValues())], expect: { kind: 'no-ack' } };
  }
  const refused = refusedCase(rng, world);
  if (wireBytes(refused.event, refused.args) >= UNDERSIZE) throw new Error(`a ${refused.category} case came out too large`);
  if (roll < 130) return { ...refused, category: `${refused.category} (no ack)`, expect: { kind: 'no-ack' } };
  return refused;
}
