import type { Metadata } from 'next';
import Link from 'next/link';
import { createMoreWords } from '../words';
import { CreateSimulForm } from '../components/CreateSimulForm';

export const metadata: Metadata = { title: 'Create a simul · Async Simul' };

export default async function NewSimul({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  const { mode } = await searchParams;
  return (
    <main className="mx-auto max-w-xl p-6">
      <Link href="/" className="mb-4 inline-block text-host underline" data-testid="home-link">{createMoreWords.home}</Link>
      <h1 className="mb-6 text-3xl font-bold">Create a simul</h1>
      <CreateSimulForm initialMode={mode === 'sync' ? 'sync' : 'async'} />
    </main>
  );
}
