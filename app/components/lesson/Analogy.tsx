// The analogy in plain words: the simul's parts and their asyncio counterparts, each with
// the colour it has in every view (and a word, never the colour alone).
import { ICONS } from '../icons';

const ROWS: { swatch: string; simul: string; asyncio: React.ReactNode; words: string }[] = [
  {
    swatch: 'bg-host',
    simul: 'The host',
    asyncio: <>The event loop, on one thread</>,
    words: 'One worker. It can do one thing at a time, and it is fast only if it never stands idle.',
  },
  {
    swatch: 'bg-board-dark',
    simul: 'A board',
    asyncio: (
      <>
        A task (a coroutine, <code>async def</code>)
      </>
    ),
    words: 'One game: it runs in short steps and pauses in between.',
  },
  {
    swatch: 'bg-host',
    simul: 'The host thinks at a board',
    asyncio: <>A CPU step, run by the loop</>,
    words: 'The loop runs a task’s code until its next await. Nothing else runs meanwhile.',
  },
  {
    swatch: 'bg-waiting',
    simul: 'The opponent thinks',
    asyncio: (
      <>
        <code>await</code> on I/O
      </>
    ),
    words: 'The task waits for the network, a disk, a person. The loop needs to do nothing for it.',
  },
  {
    swatch: 'bg-ready',
    simul: 'Boards awaiting the host',
    asyncio: <>The ready queue</>,
    words: 'Tasks whose awaited result came back: ready to run when the loop gets to them.',
  },
  {
    swatch: 'bg-waiting',
    simul: 'Boards whose opponent thinks',
    asyncio: <>The waiting set</>,
    words: 'Tasks suspended on an await. They cost the loop nothing while they wait.',
  },
  {
    swatch: 'queued-stripes border border-slate-300 dark:border-slate-600',
    simul: 'Sync: one game at a time',
    asyncio: <>Blocking calls</>,
    words:
      'Like time.sleep() or a plain socket read: the host sits at one board while its opponent thinks, and the other games have not even begun (queued).',
  },
];

export function Analogy() {
  return (
    <section aria-labelledby="analogy" className="rounded-2xl bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900">
      <h2 id="analogy" className="text-2xl font-bold">
        The analogy
      </h2>
      <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">
        asyncio runs many tasks concurrently on one thread and one CPU core. It can, for the reason a chess master can
        play a whole room at once: most of each game is the opponent thinking, and nobody needs to watch them think.
      </p>
      <div className="mt-4 overflow-x-auto">
        {/* A table from sm up; on a phone each row stacks into a card of its own. */}
        <table className="w-full text-left text-lg max-sm:block sm:min-w-[36rem]">
          <thead className="text-base text-slate-500 max-sm:sr-only dark:text-slate-400">
            <tr>
              <th scope="col" className="pb-2 pr-4 font-semibold">In the simul</th>
              <th scope="col" className="pb-2 pr-4 font-semibold">In asyncio</th>
              <th scope="col" className="pb-2 font-semibold">What it means</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 max-sm:block dark:divide-slate-800">
            {ROWS.map((r) => (
              <tr key={r.simul} className="align-top max-sm:block max-sm:py-2">
                <th scope="row" className="py-2 pr-4 font-semibold max-sm:block max-sm:py-0">
                  <span className="flex items-start gap-2">
                    <span aria-hidden="true" className={`mt-1.5 inline-block size-4 shrink-0 rounded ${r.swatch}`} />
                    {r.simul}
                  </span>
                </th>
                <td className="py-2 pr-4 max-sm:block max-sm:py-0 max-sm:pl-6 max-sm:font-semibold max-sm:text-host dark:max-sm:text-blue-300">
                  <span className="mr-1 sm:hidden">{ICONS.right}</span>
                  {r.asyncio}
                </td>
                <td className="py-2 text-slate-700 max-sm:block max-sm:py-0 max-sm:pl-6 dark:text-slate-300">{r.words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-6 grid gap-4 xl:grid-cols-2">
        <Code
          title="Sync: every call blocks until it returns"
          tone="border-waiting"
          code={`def play_game(board):
    for _ in range(30):
        host_move(board)       # CPU, 5 s
        opponent_reply(board)  # blocks, 55 s

def simul(boards):
    for board in boards:       # one game at a time
        play_game(board)`}
        />
        <Code
          title="Async: while one task awaits, the loop runs another"
          tone="border-host"
          code={`async def play_game(board):
    for _ in range(30):
        host_move(board)             # CPU, 5 s
        await opponent_reply(board)  # I/O, 55 s

async def simul(boards):
    await asyncio.gather(*map(play_game, boards))`}
        />
      </div>
    </section>
  );
}

function Code({ title, tone, code }: { title: string; tone: string; code: string }) {
  return (
    <figure className={`min-w-0 rounded-xl border-l-4 bg-slate-100 p-4 dark:bg-slate-800 ${tone}`}>
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <pre className="overflow-x-auto text-sm leading-relaxed sm:text-base xl:text-sm">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
