import type { Metadata } from 'next';
import Link from 'next/link';
import { Analogy } from '../components/lesson/Analogy';
import { LessonCalculator } from '../components/lesson/LessonCalculator';
import { paramsFrom } from '../components/lesson/lesson-params';
import { ICONS } from '@/app/components/icons';

export const metadata: Metadata = {
  title: 'The lesson: sync vs async · Async Simul',
  description: 'One host, many boards: the chess simul that explains asyncio, in numbers.',
};

export default async function LessonPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const initial = paramsFrom(await searchParams);
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-8 p-4 text-lg sm:p-6 lg:p-8">
      <header className="flex flex-col gap-3">
        <Link href="/" className="inline-flex w-fit items-center gap-1 text-base text-host underline">
          {ICONS.left} Async Simul
        </Link>
        <h1 className="text-4xl font-black tracking-tight sm:text-5xl">Sync vs async, in numbers</h1>
        <p className="max-w-3xl text-xl text-slate-600 dark:text-slate-300">
          A chess master plays 24 opponents. The master needs 5 s per move; each opponent needs 55 s; a game is 30
          move pairs. Played one game at a time, the exhibition takes 12 hours. Moving from board to board, one move at
          each, it takes 1 hour as the lesson counts it, 1 h 0 min 55 s exactly (see why below). The master did not
          get faster: the master stopped waiting.
        </p>
      </header>

      <LessonCalculator initial={initial} />

      <Analogy />

      <section aria-labelledby="try-it" className="rounded-2xl bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900">
        <h2 id="try-it" className="text-2xl font-bold">
          Play it with your class
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Run a simul in each mode with the same class. The dashboard measures the host&apos;s busy and idle time from
          the real moves, and projects what the other mode would have taken.
        </p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Link
            href="/new?mode=async"
            className="flex flex-col gap-1 rounded-xl bg-host px-5 py-4 text-white"
            data-testid="start-async"
          >
            <span className="text-xl font-bold">Start an async simul</span>
            <span>Rotate between all boards, one move at each: the event loop.</span>
          </Link>
          <Link
            href="/new?mode=sync"
            className="flex flex-col gap-1 rounded-xl bg-waiting px-5 py-4 text-white"
            data-testid="start-sync"
          >
            <span className="text-xl font-bold">Start a sync simul</span>
            <span>One game at a time, in table order: blocking calls.</span>
          </Link>
        </div>
      </section>
    </main>
  );
}
