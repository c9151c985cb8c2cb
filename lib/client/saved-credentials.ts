// The host key and seat tokens live in this browser's storage, never in a URL others see.
const hostKeyName = (simulId: string) => `async-simul:host:${simulId}`;
/** Where a seat token is kept (an inline script reads whether there is one: early-socket.ts). */
export const seatTokenName = (simulId: string) => `async-simul:seat:${simulId}`;
const exhibitionKeyName = (simulId: string) => `async-simul:exhibition:${simulId}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const credentials = {
  hostKey: (simulId: string) => storage()?.getItem(hostKeyName(simulId)) ?? undefined,
  seatToken: (simulId: string) => storage()?.getItem(seatTokenName(simulId)) ?? undefined,
  saveHostKey: (simulId: string, key: string) => storage()?.setItem(hostKeyName(simulId), key),
  saveSeatToken: (simulId: string, token: string) => storage()?.setItem(seatTokenName(simulId), token),
  forgetHostKey: (simulId: string) => storage()?.removeItem(hostKeyName(simulId)),
  forgetSeatToken: (simulId: string) => storage()?.removeItem(seatTokenName(simulId)),
  /** The key that stops an exhibition this browser started (by either simul's id); its race page uses it only for that. */
  exhibitionKey: (simulId: string) => storage()?.getItem(exhibitionKeyName(simulId)) ?? undefined,
  saveExhibitionKey: (simulIds: string[], key: string) => simulIds.forEach((id) => storage()?.setItem(exhibitionKeyName(id), key)),
};

const SECRET = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A secret passed in a link's fragment is saved and removed from the address bar at once, so a
 * projected screen never shows it: #key=… on the host console, #seat=… on the player page (a
 * re-issued seat link). A host key never changes, so a link cannot replace one already saved;
 * anything not shaped like a secret is ignored.
 */
export function takeSecretFromFragment(simulId: string): void {
  if (typeof window === 'undefined' || !window.location.hash) return;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const page = window.location.pathname.split('/')[1];
  const key = params.get('key');
  const seat = params.get('seat');
  if (page === 'host' && key && SECRET.test(key) && !credentials.hostKey(simulId)) {
    credentials.saveHostKey(simulId, key);
  }
  if (page === 'play' && seat && SECRET.test(seat)) credentials.saveSeatToken(simulId, seat);
  if (key || seat) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

/** A link that brings a seat token (#seat=…, a re-issued seat link): the page takes it first (takeSecretFromFragment). */
export const BRINGS_SEAT = /[#&]seat=/;

/**
 * The simul of this page when it is a phone's page (/play/<id>) of a simul this browser holds a
 * seat in; else null, and null on a link that brings a seat (the token it holds may be the old one).
 */
export function seatedOnThisPage(): string | null {
  if (typeof window === 'undefined' || BRINGS_SEAT.test(window.location.hash)) return null;
  const [, page, id] = window.location.pathname.split('/');
  if (page !== 'play' || !id) return null;
  const simulId = decodeURIComponent(id);
  return credentials.seatToken(simulId) ? simulId : null;
}
