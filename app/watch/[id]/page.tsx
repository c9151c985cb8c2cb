import type { Metadata } from 'next';
import { requestWords } from '@/app/words/request';
import { WatchView } from '@/app/components/watch/WatchView';

export async function generateMetadata(): Promise<Metadata> {
  const { app } = await requestWords();
  return { title: app.tab(app.pages.watch) };
}

export default async function WatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <WatchView simulId={id} />;
}
