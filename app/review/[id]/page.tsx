import type { Metadata } from 'next';
import { requestWords } from '@/app/words/request';
import { ReviewView } from '@/app/components/review/ReviewView';

export async function generateMetadata(): Promise<Metadata> {
  const { app } = await requestWords();
  return { title: app.tab(app.pages.review) };
}

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
