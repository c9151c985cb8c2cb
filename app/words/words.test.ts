import { describe, expect, it } from 'vitest';
import type { Problem } from '@/lib/client/simul-connection';
import { HOST, opponent, SPECTATOR, TestSimul } from '@/lib/simul/test-log';
import { en } from './en';
import { es } from './es';
import { dashboardStory as story, refusalText as said, resultSentence as sentence, resultWords as words, spokenMove as spoken, type Reader, type ResultOf } from './say';

// The English table's sentences: the checks below read them as a person would.
const refusalText = (p: Problem) => said(en, p);
const resultSentence = (b: ResultOf, r: Reader) => sentence(en, b, r);
const resultWords = (b: ResultOf, r: Reader) => words(en, b, r);
const spokenMove = (san: string) => spoken(en, san);
const dashboardStory = (f: Parameters<typeof story>[1]) => story(en, f);

// Every code with each shape of params it can carry: a code missing here does not compile.
const SAMPLES: { [C in Problem['code']]: Extract<Problem, { code: C }>[] } = {
  'bad-payload': [{ code: 'bad-payload' }],
  'command-id-reused': [{ code: 'command-id-reused' }],
  'exhibition-too-big': [{ code: 'exhibition-too-big', params: { plies: 12_000, maxPlies: 6_000 } }],
  'unknown-simul': [
    { code: 'unknown-simul' },
    { code: 'unknown-simul', params: { asked: 'join' } },
    { code: 'unknown-simul', params: { asked: 'command' } },
  ],
  'not-host': [{ code: 'not-host' }],
  'not-seated': [
    { code: 'not-seated' },
    { code: 'not-seated', params: { board: 4 } },
    { code: 'not-seated', params: { listen: 'board' } },
  ],
  'not-your-board': [{ code: 'not-your-board', params: { board: 5, yourBoard: 3 } }],
  'not-your-turn': [{ code: 'not-your-turn' }],
  'takebacks-off': [{ code: 'takebacks-off', params: { board: 2 } }],
  'takeback-used': [{ code: 'takeback-used', params: { board: 2 } }],
  'takeback-wait': [{ code: 'takeback-wait', params: { retryAfterMs: 21_500 } }],
  'illegal-move': [{ code: 'illegal-move', params: { from: 'e2', to: 'e5' } }],
  'unknown-board': [{ code: 'unknown-board', params: { board: 9 } }],
  'game-over': [{ code: 'game-over', params: { board: 2 } }],
  'game-not-live': [{ code: 'game-not-live', params: { board: 2 } }],
  'not-started': [{ code: 'not-started' }],
  'already-started': [
    { code: 'already-started', params: { command: 'join' } },
    { code: 'already-started', params: { command: 'free-seat' } },
    { code: 'already-started', params: { command: 'start' } },
    { code: 'already-started', params: { command: 'seat-bot' } },
  ],
  'simul-finished': [{ code: 'simul-finished' }],
  'joining-closed': [{ code: 'joining-closed' }],
  'simul-full': [{ code: 'simul-full' }],
  'seat-taken': [{ code: 'seat-taken', params: { board: 1 } }],
  'already-seated': [
    { code: 'already-seated', params: { who: 'host' } },
    { code: 'already-seated', params: { who: 'opponent', board: 2 } },
    { code: 'already-seated', params: { who: 'joining' } },
  ],
  'name-invalid': [
    { code: 'name-invalid', params: { kind: 'lone-surrogate' } },
    { code: 'name-invalid', params: { kind: 'length', max: 40 } },
    { code: 'name-invalid', params: { kind: 'invisible' } },
    { code: 'name-invalid', params: { kind: 'bare-mark' } },
    { code: 'name-invalid', params: { kind: 'mark-stack', max: 3 } },
  ],
  'name-taken': [{ code: 'name-taken', params: { name: 'Anna' } }],
  'bot-invalid': [{ code: 'bot-invalid' }],
  'bot-seat': [{ code: 'bot-seat', params: { board: 3 } }],
  'title-invalid': [
    { code: 'title-invalid', params: { kind: 'length', max: 80 } },
    { code: 'title-invalid', params: { kind: 'invisible' } },
  ],
  'no-opponents': [{ code: 'no-opponents' }],
  'no-draw-offer': [{ code: 'no-draw-offer' }],
  'draw-already-offered': [{ code: 'draw-already-offered' }],
  'no-draw-claim': [
    { code: 'no-draw-claim', params: { repetitions: 1, quietMoves: 1 } },
    { code: 'no-draw-claim', params: { repetitions: 2, quietMoves: 12 } },
  ],
  'out-of-time': [{ code: 'out-of-time', params: { board: 3 } }],
  'simul-paused': [{ code: 'simul-paused' }],
  'already-paused': [{ code: 'already-paused' }],
  'not-paused': [{ code: 'not-paused' }],
  'no-takeback': [
    { code: 'no-takeback', params: { board: 2, who: 'host' } },
    { code: 'no-takeback', params: { board: 2, who: 'opponent' } },
  ],
  'no-takeback-request': [{ code: 'no-takeback-request' }],
  'students-only': [{ code: 'students-only' }],
  'takeback-already-requested': [{ code: 'takeback-already-requested' }],
  'game-live': [{ code: 'game-live', params: { board: 4 } }],
  'rematch-host-only': [{ code: 'rematch-host-only' }],
  'position-invalid': [
    { code: 'position-invalid', params: { problem: { kind: 'format', field: 'fields' } } },
    { code: 'position-invalid', params: { problem: { kind: 'format', field: 'placement' }, board: 3 } },
    { code: 'position-invalid', params: { problem: { kind: 'kings' } } },
    { code: 'position-invalid', params: { problem: { kind: 'pawns-on-edge' } } },
    { code: 'position-invalid', params: { problem: { kind: 'too-many-pieces' } } },
    { code: 'position-invalid', params: { problem: { kind: 'in-check' } } },
    { code: 'position-invalid', params: { problem: { kind: 'over', reason: 'checkmate' } } },
  ],
  'rotation-needs-clocks': [{ code: 'rotation-needs-clocks' }],
  'rate-limited': [{ code: 'rate-limited', params: { retryAfterMs: 1500 } }],
  'too-many-simuls': [{ code: 'too-many-simuls', params: { perHour: 10 } }],
  'exhibition-running': [
    { code: 'exhibition-running', params: { scope: 'network' } },
    { code: 'exhibition-running', params: { scope: 'server' } },
    { code: 'exhibition-running', params: { scope: 'server', retryAfterMs: 90_000 } },
  ],
  'exhibition-too-long': [{ code: 'exhibition-too-long', params: { minutes: 720, maxMinutes: 60 } }],
  'bad-credentials': [{ code: 'bad-credentials' }],
  'blocked': [{ code: 'blocked' }],
  'outdated-client': [{ code: 'outdated-client' }],
  'try-again': [{ code: 'try-again' }],
  'internal': [{ code: 'internal' }, { code: 'internal', params: { during: 'save' } }, { code: 'internal', params: { during: 'join' } }],
  'rematch-limit': [
    { code: 'rematch-limit', params: { scope: 'minute', perMinute: 3, retryAfterMs: 20_000 } },
    { code: 'rematch-limit', params: { scope: 'board', max: 30 } },
    { code: 'rematch-limit', params: { scope: 'simul', max: 300 } },
  ],
  'log-full': [{ code: 'log-full', params: { maxEvents: 50_000 } }],
  'storage-full': [{ code: 'storage-full' }],
  'seat-moved': [{ code: 'seat-moved' }],
  'seat-freed': [{ code: 'seat-freed' }],
  'no-answer': [{ code: 'no-answer' }],
  'student-here': [{ code: 'student-here', params: { board: 4 } }],
  'bot-plays': [{ code: 'bot-plays', params: { board: 4 } }],
  'no-stand-in': [{ code: 'no-stand-in', params: { board: 4 } }],
  'message-invalid': [
    { code: 'message-invalid', params: { kind: 'length', max: 140 } },
    { code: 'message-invalid', params: { kind: 'invisible' } },
  ],
  'too-many-messages': [{ code: 'too-many-messages', params: { perMinute: 3, retryAfterMs: 20_000 } }],
};

describe('refusalText', () => {
  it('has a whole sentence for every code and every shape of its params, in every language', () => {
    for (const samples of Object.values(SAMPLES)) {
      for (const sample of samples as Problem[]) for (const text of [refusalText(sample), said(es, sample)]) {
        expect(text, JSON.stringify(sample)).toMatch(/^\S.*\.$/);
        expect(text, JSON.stringify(sample)).not.toMatch(/undefined|null|\[object/);
      }
    }
  });

  it('says something different for each shape of a code\'s params, in every language', () => {
    for (const samples of Object.values(SAMPLES)) {
      for (const texts of [(samples as Problem[]).map(refusalText), (samples as Problem[]).map((p) => said(es, p))]) {
        expect(new Set(texts).size, texts.join(' | ')).toBe(texts.length);
      }
    }
  });

  it('names both boards when a student plays at another board', () => {
    expect(refusalText({ code: 'not-your-board', params: { board: 5, yourBoard: 3 } })).toBe('You play board 3, not board 5.');
  });

  it('puts the params in their sentences', () => {
    expect(refusalText({ code: 'name-invalid', params: { kind: 'length', max: 40 } })).toBe('A name is 1 to 40 characters.');
    expect(refusalText({ code: 'title-invalid', params: { kind: 'mark-stack', max: 3 } })).toBe(
      'A title cannot stack more than 3 accents on one letter.',
    );
    expect(refusalText({ code: 'name-taken', params: { name: 'Anna' } })).toBe(
      'Someone here is already called Anna: pick a name that looks different.',
    );
    expect(refusalText({ code: 'too-many-simuls', params: { perHour: 10 } })).toBe('One network can create 10 simuls an hour.');
    expect(refusalText({ code: 'illegal-move', params: { from: 'e2', to: 'e5' } })).toBe('e2-e5 is not a legal move here.');
  });

  it('says what the client found itself', () => {
    expect(refusalText({ code: 'seat-moved' })).toBe('Your seat was moved to another device.');
    expect(refusalText({ code: 'seat-freed' })).toBe('The host freed your seat: you can join again.');
    expect(refusalText({ code: 'no-answer' })).toBe('No answer from the server: try again.');
  });

  it('reads right for the refusals the domain makes', () => {
    const s = new TestSimul({ boards: 2 });
    s.join('Ada');
    const refusal = (outcome: ReturnType<TestSimul['dispatch']>) => (outcome.ok ? 'accepted' : refusalText(outcome.error));
    expect(refusal(s.dispatch(SPECTATOR, { type: 'join', name: 'ada', playerId: 'p' }))).toBe(
      'Someone here is already called Ada: pick a name that looks different.',
    );
    expect(refusal(s.dispatch(SPECTATOR, { type: 'join', name: 'Bo', board: 1, playerId: 'p' }))).toBe('Board 1 is taken.');
    expect(refusal(s.dispatch(HOST, { type: 'free-seat', board: 2 }))).toBe('Nobody sits at board 2.');
    s.join('Bo');
    s.ok(HOST, { type: 'start' });
    expect(refusal(s.dispatch(opponent(1), { type: 'resign', board: 2 }))).toBe('You play board 1, not board 2.');
    expect(refusal(s.dispatch(HOST, { type: 'free-seat', board: 1 }))).toBe('Seats can be freed only before the start.');
    expect(refusal(s.dispatch(SPECTATOR, { type: 'join', name: 'Cy', playerId: 'p' }))).toBe('Every seat is taken.');
    s.ok(HOST, { type: 'close-joining' });
    expect(refusal(s.dispatch(SPECTATOR, { type: 'join', name: 'Cy', playerId: 'p' }))).toBe('The simul has started: seats are closed.');
    expect(refusal(s.dispatch(HOST, { type: 'start' }))).toBe('The simul has already started.');
  });
});

describe('results in the words of whoever reads them', () => {
  // Board 1: the host (White) mates Ada. Board 2: the host (Black) resigns to Bo. Board 3: a draw.
  const mate: ResultOf = { number: 1, hostColor: 'w', status: 'finished', result: '1-0', endReason: 'checkmate', name: 'Ada' };
  const resigned: ResultOf = { number: 2, hostColor: 'b', status: 'finished', result: '1-0', endReason: 'resignation', name: 'bo' };
  const drawn: ResultOf = { number: 3, hostColor: 'w', status: 'finished', result: '1/2-1/2', endReason: 'stalemate', name: 'Cy' };
  const host: Reader = { role: 'host' };
  const projector: Reader = { role: 'projector' };
  const student = (board: number): Reader => ({ role: 'student', board });

  it('speaks to the student about their own board, and of the others from the host’s side', () => {
    expect(resultSentence(mate, student(1))).toBe('You lost: checkmate.');
    expect(resultSentence(resigned, student(2))).toBe('You won: the host resigned.');
    expect(resultSentence(drawn, student(3))).toBe('Draw: stalemate.');
    expect(resultWords(mate, student(2))).toEqual({ word: 'Host won', how: 'checkmate' });
    expect(resultWords(resigned, student(1))).toEqual({ word: 'Host lost', how: 'the host resigned' });
    expect(resultWords({ ...resigned, result: '0-1', name: null }, student(1))).toEqual({ word: 'Host won', how: 'the student resigned' });
  });

  it('speaks from the host’s side on the host’s screens', () => {
    expect(resultSentence(mate, host)).toBe('You won: checkmate.');
    expect(resultSentence(resigned, host)).toBe('You lost: you resigned.');
    expect(resultSentence({ ...resigned, result: '0-1' }, host)).toBe('You won: bo resigned.');
    expect(resultSentence(drawn, host)).toBe('Draw: stalemate.');
  });

  it('uses the usual notation on the projector', () => {
    expect([mate, resigned, drawn].map((b) => resultWords(b, projector)!.word)).toEqual(['1-0', '1-0', '½-½']);
  });

  it('calls an unfinished game one thing everywhere, with its reason', () => {
    const aborted: ResultOf = { number: 4, hostColor: 'w', status: 'aborted', result: null, endReason: 'host-aborted', name: 'Di' };
    const ended: ResultOf = { ...aborted, endReason: 'simul-ended' };
    for (const reader of [host, projector, student(4), student(1)]) {
      expect(resultSentence(aborted, reader)).toBe('Unfinished: the host aborted the game.');
      expect(resultSentence(ended, reader)).toBe('Unfinished: the simul was ended early.');
    }
  });

  it('says nothing of a game still going', () => {
    expect(resultWords({ ...mate, status: 'playing', result: null, endReason: null }, host)).toBeNull();
  });
});

describe('moves as a screen reader says them', () => {
  it('names the piece, the capture, the check and castling', () => {
    expect(spokenMove('Nf3')).toBe('knight to f3');
    expect(spokenMove('exd5')).toBe('pawn e takes d5');
    expect(spokenMove('e4')).toBe('pawn to e4');
    expect(spokenMove('Qxf7#')).toBe('queen takes f7, checkmate');
    expect(spokenMove('Rae1+')).toBe('rook a to e1, check');
    expect(spokenMove('e8=Q+')).toBe('pawn to e8, promotes to queen, check');
    expect(spokenMove('O-O-O')).toBe('castles queenside');
    expect(en.phone.hostPlayed('O-O+', spokenMove('O-O+'))).toBe('The host played O-O+: castles kingside, check.');
  });
});

describe('the dashboard in plain words', () => {
  it('says a class-sized simul as the issue reads it: the host never idle, the students waiting, sync much longer', () => {
    const said = dashboardStory({
      mode: 'async',
      running: false,
      idle: 0,
      utilization: 1,
      studentWaits: [210_000, 225_000, 240_000],
      actualTotal: 278_000,
      projectedTotal: 668_000,
    });
    expect(said).toEqual([
      'You never waited: at every moment some board awaited you.',
      'Each student waited for you about 3 min 45 s (from 3 min 30 s to 4 min 0 s).',
      'One game at a time, with the same think times, the simul would have taken 11 min 8 s instead of 4 min 38 s.',
    ]);
  });

  it('says "so far" while it runs, the idle time when there was some, and nothing before anything happened', () => {
    const said = dashboardStory({ mode: 'sync', running: true, idle: 90_000, utilization: 0.25, studentWaits: [30_000], actualTotal: 120_000, projectedTotal: 60_000 });
    expect(said[0]).toBe('You waited 1 min 30 s in all so far, with every opponent thinking; you were busy 25% of the time.');
    expect(said[1]).toBe('Each student waited for you about 30 s so far.');
    expect(said[2]).toContain('Rotating between the boards');
    expect(dashboardStory({ mode: 'async', running: true, idle: 0, utilization: 0, studentWaits: [], actualTotal: 0, projectedTotal: null })).toEqual([]);
  });
});

describe('in Spanish', () => {
  const resigned: ResultOf = { number: 2, hostColor: 'b', status: 'finished', result: '1-0', endReason: 'resignation', name: 'Bo' };
  it('says results with the verb in the reader’s person', () => {
    expect(sentence(es, resigned, { role: 'host' })).toBe('Has perdido: abandonaste.');
    expect(sentence(es, resigned, { role: 'student', board: 2 })).toBe('Has ganado: abandonó el anfitrión.');
    expect(sentence(es, { ...resigned, result: '0-1' }, { role: 'host' })).toBe('Has ganado: abandonó Bo.');
    expect(sentence(es, { ...resigned, status: 'aborted', result: null, endReason: 'simul-ended' }, { role: 'projector' })).toBe(
      'Sin terminar: la simultánea se terminó antes de tiempo.',
    );
  });

  it('speaks moves', () => {
    expect(spoken(es, 'Nxf3+')).toBe('caballo captura en f3, jaque');
    expect(spoken(es, 'e8=Q#')).toBe('peón a e8, corona dama, jaque mate');
    expect(spoken(es, 'O-O-O')).toBe('enroque largo');
    expect(es.phone.hostPlayed('e4', spoken(es, 'e4'))).toBe('El anfitrión jugó e4: peón a e4.');
  });
});
