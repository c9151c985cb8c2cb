// Node 20 has no WebSocket of its own: the page's socket (wire-socket.ts) is given `ws`'s in
// tests that talk to a real server from Node (Node 22 has one, kept).
import { WebSocket } from 'ws';

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
