// A bot that played for an away student: its moves are marked in the CSV (mover_type "program")
// and the PGN says from which move it played, from the log alone.
import { describe, expect, it } from 'vitest';
import { TestSimul, HOST } from '../simul/test-log';
import type { Actor } from '../simul/types';
import { moveTimingsCsv } from './csv';
import { simulPgn, STAND_IN_TEXT } from './pgn';

const SERVER: Actor = { role: 'server' };

function playedWithAStandIn() {
  const s = new TestSimul({ boards: 1, now: 0 });
  s.seatAndStart('Ada');
  s.tick(1000).play(1, 'e4');
  s.tick(1000).play(1, 'e5');
  s.tick(1000).play(1, 'Nf3');
  s.tick(10_000).ok(SERVER, { type: 'mark-away', board: 1, since: 4000 });
  s.ok(HOST, { type: 'hand-to-bot', board: 1, bot: { strength: 'random', think: { meanMs: 0, spreadMs: 0 } } });
  s.tick(1000).ok(SERVER, s.moveCommand(1, 'Nc6', 'bot:1:3'));
  s.tick(1000).play(1, 'Bb5');
  s.tick(1000).ok(SERVER, s.moveCommand(1, 'a6', 'bot:1:5'));
  s.ok(SERVER, { type: 'mark-back', board: 1 });
  s.ok(HOST, { type: 'take-board-back', board: 1 });
  s.tick(1000).play(1, 'Ba4');
  s.tick(1000).play(1, 'Nf6');
  return s;
}

describe('exports of a board a bot took over', () => {
  it('mark the bot’s moves as a program’s in the CSV, from that ply until the student took the board back', () => {
    const rows = moveTimingsCsv(playedWithAStandIn().log).trim().split('\r\n').slice(1);
    const moverType = rows.map((r) => `${r.split(',')[5]}:${r.split(',')[9]}`);
    expect(moverType).toEqual(['e4:human', 'e5:human', 'Nf3:human', 'Nc6:program', 'Bb5:human', 'a6:program', 'Ba4:human', 'Nf6:human']);
  });

  it('say in the PGN from which move the bot played', () => {
    const pgn = simulPgn(playedWithAStandIn().log, 'test').replace(/\s+/g, ' ');
    expect(pgn).toContain(`2... Nc6 {[%emt 0:00:11] ${STAND_IN_TEXT}}`);
    expect(pgn.split(STAND_IN_TEXT)).toHaveLength(2);
  });
});
