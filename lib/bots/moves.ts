// A bot's move: pure, from a position and its policy, drawing only from the Random it is given.
// Cheap on purpose (one ply and a look at what the reply can take): an exhibition plays
// thousands of moves.
import { Chess, type Color, type PieceSymbol, type Square } from 'chess.js';
import { endingAfterTry, legalMoves, seenBefore, tryMove, type TriedMove } from '../chess/fast-moves';
import type { Random } from '../random';
import type { Promotion } from '../chess/types';
import type { BotPolicy } from './spec';

export interface BotMove {
  from: string;
  to: string;
  promotion?: Promotion;
}

const VALUE: Record<PieceSymbol, number> = { p: 1, n: 3, b: 3, r: 5, q: 9, k: 0 };
/** What a king's capture costs it: it never takes a defended piece. */
const KING_AS_ATTACKER = 100;
const MATE = 1000;
/** A draw by rule for a bot that does not mind ending: worth a little less than going on. */
const DRAW = -0.5;
/** Worse than any material: a game-ending move for a bot that must not end the game. */
const ENDS_GAME = -10_000;
/**
 * Worse than any material, better than ending: for a bot that must not end the game, a move back
 * to a position already seen. Repeating leads into lines (a perpetual check) where the third
 * repetition is forced: every legal move then ends the game.
 */
const REPEATS = -1_000;

/** Shuffled copy (Fisher-Yates): among equal moves the bot's draw decides. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function asBotMove(move: TriedMove): BotMove {
  return move.promotion ? { from: move.from, to: move.to, promotion: move.promotion } : { from: move.from, to: move.to };
}

/**
 * The most `side` can lose to the side to move now, piece by piece: an attacked piece nobody
 * defends is lost whole; a defended one, less the cheapest attacker (a one-exchange estimate).
 */
function mostAtRisk(game: Chess, side: Color): number {
  const them: Color = side === 'w' ? 'b' : 'w';
  let worst = 0;
  for (const row of game.board()) {
    for (const piece of row) {
      if (!piece || piece.color !== side || piece.type === 'k' || VALUE[piece.type] <= worst) continue;
      const attackers = game.attackers(piece.square, them);
      if (attackers.length === 0) continue;
      let loss = VALUE[piece.type];
      if (game.isAttacked(piece.square, side)) {
        let cheapest = KING_AS_ATTACKER;
        for (const square of attackers) {
          const type = game.get(square as Square)!.type;
          if (type !== 'k') cheapest = Math.min(cheapest, VALUE[type]);
        }
        loss = Math.max(0, loss - cheapest);
      }
      worst = Math.max(worst, loss);
    }
  }
  return worst;
}

/**
 * How good `move` looks to a sensible bot. Without `stalemate` the cheap estimate, which leaves
 * out a stalemate (a move generation per move): an upper bound of the full score.
 */
function score(game: Chess, move: TriedMove, policy: BotPolicy, stalemate: boolean): number {
  const side = game.turn();
  return tryMove(game, move, (after) => {
    const ending = endingAfterTry(after, { stalemate });
    if (ending && policy.avoidEnding) return ENDS_GAME;
    if (policy.avoidEnding && seenBefore(after)) return REPEATS;
    if (ending?.reason === 'checkmate') return MATE;
    const gain = (move.captured ? VALUE[move.captured] : 0) + (move.promotion ? VALUE[move.promotion] - 1 : 0);
    if (ending) return gain + DRAW;
    return gain - mostAtRisk(after, side) + (after.inCheck() ? 0.1 : 0);
  });
}

/** Whether `move` ends the game by rule. */
function endsGame(game: Chess, move: TriedMove): boolean {
  return tryMove(game, move, (after) => endingAfterTry(after) !== null);
}

/** Whether `move` neither ends the game nor goes back to a position already seen. */
function goesOn(game: Chess, move: TriedMove): boolean {
  return tryMove(game, move, (after) => endingAfterTry(after) === null && !seenBefore(after));
}

/**
 * A legal move for the side to move. `position` is a FEN, or a chess.js game when its history
 * matters (a third repetition needs it); a game given is left as it was. Throws when the game is
 * already over (no legal move).
 */
export function chooseMove(position: string | Chess, policy: BotPolicy, random: Random): BotMove {
  const game = typeof position === 'string' ? new Chess(position) : position;
  const legal = shuffled(legalMoves(game), random);
  if (legal.length === 0) throw new Error('no legal move: the game is over');
  if (policy.strength === 'random') {
    const going = policy.avoidEnding ? (legal.find((m) => goesOn(game, m)) ?? legal.find((m) => !endsGame(game, m))) : undefined;
    return asBotMove(going ?? legal[0]);
  }
  // The cheap estimate of every move, best first; then the full score from the top down,
  // until no estimate left can beat the best full score (usually after one).
  const estimated = legal
    .map((move) => ({ move, estimate: score(game, move, policy, false) }))
    .sort((a, b) => b.estimate - a.estimate);
  if (estimated[0].estimate >= MATE) return asBotMove(estimated[0].move);
  let best = estimated[0].move;
  let bestScore = -Infinity;
  for (const { move, estimate } of estimated) {
    if (estimate <= bestScore) break;
    const full = score(game, move, policy, true);
    if (full > bestScore) {
      best = move;
      bestScore = full;
    }
  }
  return asBotMove(best);
}
