import type { Metadata } from 'next';
import { ExhibitionView } from '@/app/components/exhibition/ExhibitionView';

export const metadata: Metadata = { title: 'Exhibition: sync against async · Async Simul' };

export default async function ExhibitionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ExhibitionView simulId={id} />;
}
