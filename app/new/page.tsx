import type { Metadata } from 'next';
import Link from 'next/link';
import { requestWords } from '@/app/words/request';
import { CreateSimulForm } from '../components/CreateSimulForm';

export async function generateMetadata(): Promise<Metadata> {
  const { app } = await requestWords();
  return { title: app.tab(app.pages.create) };
}

export default async function NewSimul({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  const { mode } = await searchParams;
  const w = await requestWords();
  return (
    <main className="mx-auto max-w-xl p-6">
      <Link href="/" className="mb-4 inline-block text-host underline" data-testid="home-link">{w.create.home}</Link>
      <h1 className="mb-6 text-3xl font-bold">{w.create.heading}</h1>
      <CreateSimulForm initialMode={mode === 'sync' ? 'sync' : 'async'} />
    </main>
  );
}
