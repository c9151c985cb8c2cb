import type { Metadata } from 'next';
import { ReviewView } from '@/app/components/review/ReviewView';

export const metadata: Metadata = { title: 'Review · Async Simul' };

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ with?: string }>;
}) {
  const { id } = await params;
  const { with: withId } = await searchParams;
  return <ReviewView simulId={id} withId={withId ?? null} />;
}
