'use client';
// The analogy in plain words: the simul's parts and their asyncio counterparts, each with
// the colour it has in every view (and a word, never the colour alone).
import type { Words } from '@/app/words';
import { ICONS } from '../icons';
import { useWords } from '../language';

type RowKey = keyof Words['lesson']['rows'];

/** Each row's colour, as every view has it. */
const SWATCHES: Record<RowKey, string> = {
  host: 'bg-host',
  board: 'bg-board-dark',
  hostThinks: 'bg-host',
  opponentThinks: 'bg-waiting',
  ready: 'bg-ready',
  waiting: 'bg-waiting',
  sync: 'queued-stripes border border-slate-300 dark:border-slate-600',
};

export function Analogy() {
  const words = useWords().lesson;
  return (
    <section aria-labelledby="analogy" className="rounded-2xl bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900">
      <h2 id="analogy" className="text-2xl font-bold">
        {words.analogy}
      </h2>
      <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">
        {words.analogyText}
      </p>
      <div className="mt-4 overflow-x-auto">
        {/* A table from sm up; on a phone each row stacks into a card of its own. */}
        <table className="w-full text-left text-lg max-sm:block sm:min-w-[36rem]">
          <thead className="text-base text-slate-500 max-sm:sr-only dark:text-slate-400">
            <tr>
              <th scope="col" className="pb-2 pr-4 font-semibold">{words.inSimul}</th>
              <th scope="col" className="pb-2 pr-4 font-semibold">{words.inAsyncio}</th>
              <th scope="col" className="pb-2 font-semibold">{words.means}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 max-sm:block dark:divide-slate-800">
            {(Object.keys(SWATCHES) as RowKey[]).map((key) => ({ ...words.rows[key], swatch: SWATCHES[key], key })).map((r) => (
              <tr key={r.key} className="align-top max-sm:block max-sm:py-2">
                <th scope="row" className="py-2 pr-4 font-semibold max-sm:block max-sm:py-0">
                  <span className="flex items-start gap-2">
                    <span aria-hidden="true" className={`mt-1.5 inline-block size-4 shrink-0 rounded ${r.swatch}`} />
                    {r.simul}
                  </span>
                </th>
                <td className="py-2 pr-4 max-sm:block max-sm:py-0 max-sm:pl-6 max-sm:font-semibold max-sm:text-host dark:max-sm:text-blue-300">
                  <span className="mr-1 sm:hidden">{ICONS.right}</span>
                  {r.asyncio.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
                </td>
                <td className="py-2 text-slate-700 max-sm:block max-sm:py-0 max-sm:pl-6 dark:text-slate-300">{r.words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-6 grid gap-4 xl:grid-cols-2">
        <Code
          title={words.syncCodeTitle}
          tone="border-waiting"
          code={words.syncCode}
        />
        <Code
          title={words.asyncCodeTitle}
          tone="border-host"
          code={words.asyncCode}
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
