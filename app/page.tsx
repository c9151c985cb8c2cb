import { JoinCodeForm } from './components/JoinCodeForm';
import { requestWords } from './words/request';

// A student who types the address meets the code box first; the teacher's actions are a link away.
// Plain links and a plain form: the page's scripts are React and Next's runtime alone (a phone on
// school wifi opens this first).
export default async function Home({ searchParams }: { searchParams: Promise<{ code?: string; missing?: string }> }) {
  const { code, missing } = await searchParams;
  const w = await requestWords();
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-8 p-6">
      <section className="flex flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900" aria-labelledby="join-heading">
        <h1 id="join-heading" className="text-4xl font-black tracking-tight">{w.home.join}</h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">{w.home.joinHint}</p>
        <JoinCodeForm initial={code ?? ''} label={w.home.codeLabel} button={w.home.joinButton} />
        {missing && <p role="alert" className="text-loss">{w.home.missing}</p>}
      </section>
      <nav aria-label={w.home.teacher} className="flex flex-wrap items-baseline gap-x-4 gap-y-2 text-lg">
        <span className="font-semibold">{w.home.teacher}</span>
        <a href="/new" className="font-semibold text-host underline" data-testid="create-link">{w.home.create}</a>
        <a href="/lesson" className="text-host underline">{w.home.lesson}</a>
      </nav>
      <section aria-label={w.app.name}>
        <h2 className="text-2xl font-bold">{w.app.name}</h2>
        <p className="mt-2 text-slate-600 dark:text-slate-300">{w.home.intro}</p>
      </section>
    </main>
  );
}
