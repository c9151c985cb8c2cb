import type { Metadata } from 'next';
import { requestWords } from '@/app/words/request';
import { PhonePage } from '@/app/components/play/PhonePage';

type Params = { params: Promise<{ id: string }> };

/** Added to the home screen, the phone's page opens this simul again (its own manifest). */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const { app } = await requestWords();
  return { title: app.name, manifest: `/play/${encodeURIComponent(id)}/manifest.webmanifest` };
}

export default async function PlayPage({ params }: Params) {
  const { id } = await params;
  // The phone's page: its first script is the join form alone, its words' table fetched beside it (PhonePage.tsx).
  return <PhonePage simulId={id} />;
}
