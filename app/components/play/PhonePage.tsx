'use client';
// The join link's page on a student's phone, in two steps so that a cheap phone on school wifi
// gets its name field as soon as the home page gets its code box: first the join form alone
// (JoinForm.tsx: React, Next's runtime and the page's words, nothing else), then, once the page
// works, the rest (PlayerView.tsx: the socket, the store, the chess rules, the board), which
// takes the form over when the simul's state comes.
//
// A phone that holds a seat here (a reload, a student coming back to the page) needs its board,
// not the form: it starts before React has the page (seated-start.ts), and React, done with the
// page, draws the view at once (no turn through Suspense's fallback: the code has come).
import { Suspense, use, useSyncExternalStore } from 'react';
import { JoinFirst } from './JoinForm';
import { loadView, startSeatedPhone } from './seated-start';

// As this module runs (before React has the page): a seated phone starts now.
startSeatedPhone();

function View({ simulId }: { simulId: string }) {
  const { PlayerView } = use(loadView());
  return <PlayerView simulId={simulId} />;
}

const noChange = () => () => {};

export function PhonePage({ simulId }: { simulId: string }) {
  // False on the server and while the page's first script takes the server's form over; then true.
  const working = useSyncExternalStore(noChange, () => true, () => false);
  if (!working) return <JoinFirst simulId={simulId} />;
  return (
    <Suspense fallback={<JoinFirst simulId={simulId} />}>
      <View simulId={simulId} />
    </Suspense>
  );
}
