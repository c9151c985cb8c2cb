// Games of random moves for the chess seam's tests, kept whole (their history makes repetitions count).
import { Chess } from 'chess.js';
import { Prng } from '../../random';

/** `count` unfinished games of 0 to 120 random plies from `seed`; `newGame` makes each (a chess.js game by default). */
export function randomGames<G extends Chess>(count: number, seed: number, newGame: () => G = () => new Chess() as G): G[] {
  const random = new Prng(seed);
  const games: G[] = [];
  while (games.length < count) {
    const game = newGame();
    const plies = random.int(0, 120);
    for (let i = 0; i < plies && !game.isGameOver(); i++) game.move(random.pick(game.moves()));
    if (!game.isGameOver()) games.push(game);
  }
  return games;
}
