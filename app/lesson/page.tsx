import type { Metadata } from 'next';
import { requestWords } from '@/app/words/request';
import Link from 'next/link';
import { Analogy } from '../components/lesson/Analogy';
import { LessonCalculator } from '../components/lesson/LessonCalculator';
import { paramsFrom } from '../components/lesson/lesson-params';
import { ICONS } from '@/app/components/icons';

export async function generateMetadata(): Promise<Metadata> {
  const { app, lesson } = await requestWords();
  return { title: app.tab(lesson.tabTitle), description: lesson.description };
}

export default async function LessonPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const initial = paramsFrom(await searchParams);
  const w = await requestWords();
  const words = w.lesson;
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-8 p-4 text-lg sm:p-6 lg:p-8">
      <header className="flex flex-col gap-3">
        <Link href="/" className="inline-flex w-fit items-center gap-1 text-base text-host underline">
          {ICONS.left} {w.app.name}
        </Link>
        <h1 className="text-4xl font-black tracking-tight sm:text-5xl">{words.heading}</h1>
        <p className="max-w-3xl text-xl text-slate-600 dark:text-slate-300">
          {words.intro}
        </p>
      </header>

      <LessonCalculator initial={initial} />

      <Analogy />

      <section aria-labelledby="try-it" className="rounded-2xl bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900">
        <h2 id="try-it" className="text-2xl font-bold">
          {words.playIt}
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {words.playItText}
        </p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Link
            href="/new?mode=async"
            className="flex flex-col gap-1 rounded-xl bg-host px-5 py-4 text-white"
            data-testid="start-async"
          >
            <span className="text-xl font-bold">{words.startAsync}</span>
            <span>{words.startAsyncText}</span>
          </Link>
          <Link
            href="/new?mode=sync"
            className="flex flex-col gap-1 rounded-xl bg-waiting px-5 py-4 text-white"
            data-testid="start-sync"
          >
            <span className="text-xl font-bold">{words.startSync}</span>
            <span>{words.startSyncText}</span>
          </Link>
        </div>
      </section>
    </main>
  );
}
