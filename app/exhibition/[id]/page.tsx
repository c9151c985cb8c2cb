import type { Metadata } from 'next';
import { requestWords } from '@/app/words/request';
import { ExhibitionView } from '@/app/components/exhibition/ExhibitionView';

export async function generateMetadata(): Promise<Metadata> {
  const { app } = await requestWords();
  return { title: app.tab(app.pages.exhibition) };
}

export default async function ExhibitionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ExhibitionView simulId={id} />;
}
