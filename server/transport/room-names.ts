// The Socket.IO rooms a simul's fan-out uses. All fan-out goes through rooms (none kept by
// hand), so that an adapter can carry it to other nodes.

/** Every socket that hears the whole simul: host, projector, review, a phone before it sits. */
export function simulRoom(simulId: string): string {
  return `simul:${simulId}`;
}

/** The sockets that hear board `board`'s events: its seated student's phone. */
export function boardRoom(simulId: string, board: number): string {
  return `board:${simulId}:${board}`;
}

/** Every board listener of a simul: they hear the coalesced summary. */
export function studentsRoom(simulId: string): string {
  return `students:${simulId}`;
}

/** The sockets holding board `board`'s seat, whatever they listen to: told when it is revoked. */
export function seatRoom(simulId: string, board: number): string {
  return `seat:${simulId}:${board}`;
}

/** Whether any socket still listens to the simul, or holds one of its seats (Socket.IO's rooms). */
export function hasListeners(rooms: ReadonlyMap<string, unknown>, simulId: string, boards: Iterable<number>): boolean {
  if (rooms.has(simulRoom(simulId)) || rooms.has(studentsRoom(simulId))) return true;
  for (const board of boards) if (rooms.has(seatRoom(simulId, board))) return true;
  return false;
}
