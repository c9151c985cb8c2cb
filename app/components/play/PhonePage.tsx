'use client';
// The join link's page on a student's phone, in two steps so that a cheap phone on school wifi
// gets its name field as soon as the home page gets its code box: first the join form alone
// (JoinForm.tsx: React, Next's runtime and the page's words, nothing else), then, once the page
// works, the rest (PlayerView.tsx: the socket, the store, the chess rules, the board), which
// takes the form over when the simul's state comes.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { JoinFirst } from './JoinForm';

const PlayerView = lazy(() => import('./PlayerView').then((m) => ({ default: m.PlayerView })));
const noChange = () => () => {};

export function PhonePage({ simulId }: { simulId: string }) {
  // False on the server and while the page's first script takes the server's form over; then true.
  const working = useSyncExternalStore(noChange, () => true, () => false);
  if (!working) return <JoinFirst simulId={simulId} />;
  return (
    <Suspense fallback={<JoinFirst simulId={simulId} />}>
      <PlayerView simulId={simulId} />
    </Suspense>
  );
}
