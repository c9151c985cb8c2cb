// What a bot's move costs, per policy: `npx tsx bench/bot-moves.ts [positions]`.
// Positions from random games (a fixed seed), each policy choosing a move in every one of them,
// and, for comparison, chess.js's public moves({ verbose: true }) in the same positions.
import { Chess } from 'chess.js';
import { chooseMove } from '../lib/bots/moves';
import type { BotPolicy } from '../lib/bots/spec';
import { Prng } from '../lib/random';

const POSITIONS = Number(process.argv[2] ?? 500);
const random = new Prng(1);
const games: Chess[] = [];
let game = new Chess();
while (games.length < POSITIONS) {
  if (game.isGameOver()) game = new Chess();
  game.move(random.pick(game.moves()));
  if (!game.isGameOver()) games.push(new Chess(game.fen()));
}

function perPosition(run: (game: Chess) => void): string {
  for (const g of games.slice(0, 50)) run(g); // warm up
  const start = performance.now();
  for (const g of games) run(g);
  return `${(((performance.now() - start) / games.length) * 1000).toFixed(0)} µs`;
}

const policies: BotPolicy[] = [
  { strength: 'random' },
  { strength: 'random', avoidEnding: true },
  { strength: 'sensible' },
  { strength: 'sensible', avoidEnding: true },
];
console.log(`${POSITIONS} positions from random games; time per move chosen`);
for (const policy of policies) {
  console.log(`${policy.strength}${policy.avoidEnding ? ', avoiding endings' : ''}: ${perPosition((g) => chooseMove(g, policy, random))}`);
}
console.log(`chess.js moves({ verbose: true }), for comparison: ${perPosition((g) => g.moves({ verbose: true }))}`);
