import type { Metadata } from 'next';
import { HostConsole } from '@/app/components/host/HostConsole';

export const metadata: Metadata = { title: 'Host console · Async Simul' };

export default async function HostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <HostConsole simulId={id} />;
}
