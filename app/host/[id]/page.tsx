import type { Metadata } from 'next';
import { requestWords } from '@/app/words/request';
import { HostConsole } from '@/app/components/host/HostConsole';

export async function generateMetadata(): Promise<Metadata> {
  const { app } = await requestWords();
  return { title: app.tab(app.pages.host) };
}

export default async function HostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <HostConsole simulId={id} />;
}
