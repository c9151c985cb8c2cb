import Link from 'next/link';
import { JoinCodeForm } from './components/JoinCodeForm';
import { requestWords } from './words/request';

export default async function Home({ searchParams }: { searchParams: Promise<{ code?: string; missing?: string }> }) {
  const { code, missing } = await searchParams;
  const w = await requestWords();
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-10 p-6">
      <section>
        <h1 className="text-5xl font-black tracking-tight">{w.app.name}</h1>
        <p className="mt-4 text-xl text-slate-600 dark:text-slate-300">
          {w.home.intro}
        </p>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900">
          <h2 className="text-xl font-bold">{w.home.teacher}</h2>
          <Link href="/new" className="rounded-lg bg-host px-5 py-3 text-center text-lg font-semibold text-white" data-testid="create-link">
            {w.home.create}
          </Link>
          <Link href="/lesson" className="text-center text-host underline">{w.home.lesson}</Link>
        </section>
        <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900">
          <h2 className="text-xl font-bold">{w.home.student}</h2>
          <JoinCodeForm initial={code ?? ''} />
          {missing && <p role="alert" className="text-loss">{w.home.missing}</p>}
        </section>
      </div>
    </main>
  );
}
