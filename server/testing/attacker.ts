// One attack, in a process of its own (as an attacker is another machine: its own CPU does not
// slow the bystander who measures). Prints its figures as one line of JSON when done.
//   node --import tsx server/testing/attacker.ts <flood|hello-storm|slow-readers> <url> <simulId> <sockets> <ms or times>
import { flood, helloStorm, slowReaders } from './hostile-clients';

const [kind, url, simulId, sockets, amount] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<object> {
  switch (kind) {
    case 'flood': {
      const attack = flood(url, Number(sockets));
      await sleep(Number(amount));
      attack.stop();
      return { frames: attack.frames(), closedByServer: attack.closedByServer() };
    }
    case 'hello-storm':
      return helloStorm(url, simulId, Number(sockets), Number(amount));
    case 'slow-readers': {
      const attack = slowReaders(url, simulId, Number(sockets));
      await sleep(Number(amount));
      attack.stop();
      return {};
    }
    default:
      throw new Error(`no such attack: ${kind}`);
  }
}

// Loading this process takes CPU of its own: the parent starts measuring when it says so.
console.log('ready');
main().then(
  (figures) => {
    console.log(JSON.stringify(figures));
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
