import Link from 'next/link';
import { JoinCodeForm } from './components/JoinCodeForm';

export default async function Home({ searchParams }: { searchParams: Promise<{ code?: string; missing?: string }> }) {
  const { code, missing } = await searchParams;
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-10 p-6">
      <section>
        <h1 className="text-5xl font-black tracking-tight">Async Simul</h1>
        <p className="mt-4 text-xl text-slate-600 dark:text-slate-300">
          One teacher plays chess against the whole class at once, walking from board to board while each student
          thinks. A live dashboard shows how little the teacher waits, which is how asyncio runs many tasks on one thread.
        </p>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900">
          <h2 className="text-xl font-bold">Teacher</h2>
          <Link href="/new" className="rounded-lg bg-host px-5 py-3 text-center text-lg font-semibold text-white" data-testid="create-link">
            Create a simul
          </Link>
          <Link href="/lesson" className="text-center text-host underline">The lesson: sync vs async in numbers</Link>
        </section>
        <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900">
          <h2 className="text-xl font-bold">Student</h2>
          <JoinCodeForm initial={code ?? ''} />
          {missing && <p role="alert" className="text-loss">No open simul has that code. Check it with your teacher.</p>}
        </section>
      </div>
    </main>
  );
}
