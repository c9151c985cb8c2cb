// The page's Socket.IO connection opened before the page's socket code has come, so that its
// first round trips on the school's wifi (the WebSocket's upgrade, then Socket.IO's connect to the
// default namespace, sent as soon as Engine.IO's open is heard) happen while the page's scripts
// load and React takes the page over. A seated phone's page opens it as the browser reads the page
// (earlySocketScript, an inline script the server writes into the phone's page), or else as its
// first script runs (openEarly, from app/components/play/seated-start.ts). The page's WireSocket
// takes it over with the frames heard meanwhile (wire-socket.ts) and says hello. No secret here:
// the inline script only asks whether the browser holds a seat token.
import { SIMUL_ID_PATTERN } from '../protocol/events';
import { BRINGS_SEAT, seatTokenName } from './saved-credentials';

interface EarlySocket {
  address: string;
  ws: WebSocket;
  /** Frames heard before the WireSocket took it over, in order. */
  heard: string[];
  /** Whether Socket.IO's connect was sent (on Engine.IO's open): the WireSocket does not send it again. */
  connectSent: boolean;
}

/** Where the inline script leaves the socket it opened. */
const LEFT_AT = '__simulEarlySocket';
const early = new Map<string, EarlySocket>();

/** The query of the page's Socket.IO connection (Engine.IO 4 over a WebSocket) with `query`. */
function socketSearch(query: Record<string, string> | undefined): string {
  return new URLSearchParams({ ...query, EIO: '4', transport: 'websocket' }).toString();
}

/** The address of the page's Socket.IO connection to `url` (the page's own when absent), with `query`. */
export function socketAddress(url: string | undefined, query: Record<string, string> | undefined): string {
  const base = new URL(url ?? location.href);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = '/socket.io/';
  base.search = socketSearch(query);
  base.hash = '';
  return base.toString();
}

/**
 * The inline script of simul `simulId`'s phone page: if this browser holds a seat in it (and
 * the link brings no other: seatedOnThisPage's question, in plain JavaScript), a
 * WebSocket to the address openSimulSocket(undefined, simulId) will ask for (socketAddress, the
 * same steps in plain JavaScript), opened now and left for takeEarly. Nothing else, and nothing
 * when storage cannot be read.
 */
export function earlySocketScript(simulId: string): string {
  // The id comes from the address: only a simul's id's shape is written into a script (no quote, no `</script>`).
  if (!SIMUL_ID_PATTERN.test(simulId)) return '';
  const key = JSON.stringify(seatTokenName(simulId));
  const search = JSON.stringify(socketSearch({ simul: simulId }));
  // As openEarly: the frames kept, Socket.IO's connect ("40") sent on Engine.IO's open ("0...").
  return (
    `try{if(!${BRINGS_SEAT}.test(location.hash)&&localStorage.getItem(${key})){var u=new URL(location.href);u.protocol=u.protocol==="https:"?"wss:":"ws:";` +
    `u.pathname="/socket.io/";u.search=${search};u.hash="";var w=new WebSocket(u.toString()),` +
    `s=window.${LEFT_AT}={address:u.toString(),ws:w,heard:[],connectSent:false};` +
    `w.onmessage=function(e){var f=String(e.data);s.heard.push(f);if(f[0]==="0"&&!s.connectSent){s.connectSent=true;w.send("40")}}}}catch(e){}`
  );
}

/** The socket the inline script left, if any, kept for `address` (closed if it is another's: it would never be taken). */
function keepLeft(address: string): void {
  const global = globalThis as Record<string, unknown>;
  const left = global[LEFT_AT] as EarlySocket | undefined;
  if (!left) return;
  delete global[LEFT_AT];
  if (left.address === address) early.set(address, left);
  else left.ws.close();
}

/** Opens a WebSocket to `address` now, for a WireSocket to that address to take over (unless the page's inline script did). */
export function openEarly(address: string): void {
  keepLeft(address);
  if (early.has(address)) return;
  const ws = new WebSocket(address);
  const opened: EarlySocket = { address, ws, heard: [], connectSent: false };
  ws.onmessage = (e) => {
    const frame = String(e.data);
    opened.heard.push(frame);
    // Engine.IO's open: Socket.IO's connect to the default namespace, at once.
    if (frame[0] === '0' && !opened.connectSent) {
      opened.connectSent = true;
      ws.send('40');
    }
  };
  early.set(address, opened);
}

/** The WebSocket opened early to `address`, once, if it is opening or open (null otherwise). */
export function takeEarly(address: string): EarlySocket | null {
  keepLeft(address);
  const found = early.get(address);
  early.delete(address);
  return found && found.ws.readyState <= 1 ? found : null; // CONNECTING or OPEN
}
