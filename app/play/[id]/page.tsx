import type { Metadata } from 'next';
import { PlayerView } from '@/app/components/play/PlayerView';

export const metadata: Metadata = { title: 'Async Simul' };

export default async function PlayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PlayerView simulId={id} />;
}
