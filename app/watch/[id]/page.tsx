import type { Metadata } from 'next';
import { WatchView } from '@/app/components/watch/WatchView';

export const metadata: Metadata = { title: 'Watch · Async Simul' };

export default async function WatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <WatchView simulId={id} />;
}
