// A student's phone reopening the page of a simul it holds a seat in (a reload, the student
// coming back) needs its board, not the join form. Started as PhonePage.tsx's module runs, before
// React has taken the server's page over: its WebSocket opens (lib/client/early-socket.ts), the
// page's words and the view's code load and, the code here, the phone's link to the server takes
// that socket over and says hello, while React is still at work. React, done with the page,
// draws the view at once, the simul's state as often as not already there.
import { openEarly, socketAddress } from '@/lib/client/early-socket';
import { seatedOnThisPage } from '@/lib/client/saved-credentials';
import { chooseLanguage } from '@/app/words/languages';
import { loadWords } from '@/app/words/load';

type ViewCode = typeof import('./PlayerView');
/** The view's code loading, marked fulfilled once here, as React's use() reads a promise it has seen (as app/words/load.ts). */
type Loading = Promise<ViewCode> & { status?: 'fulfilled'; value?: ViewCode };
let loading: Loading | null = null;

/** The phone's view's code (PlayerView.tsx and what it needs), loaded once. */
export function loadView(): Promise<ViewCode> {
  if (!loading) {
    const loads: Loading = import('./PlayerView').then((code) => {
      loads.status = 'fulfilled';
      loads.value = code;
      return code;
    });
    loads.catch(() => (loading = null)); // a failed fetch is tried again next time
    loading = loads;
  }
  return loading;
}

/** On a seated phone's page (in a browser): its words, its view's code and its link to the server, now. Nothing elsewhere. */
export function startSeatedPhone(): void {
  const simulId = seatedOnThisPage();
  if (!simulId) return;
  // The WebSocket's upgrade first: the socket's code takes it over when it comes (as openSimulSocket addresses it).
  openEarly(socketAddress(undefined, { simul: simulId }));
  void loadWords(chooseLanguage(document.documentElement.lang, []));
  loadView().then((code) => code.openPhoneConnection(simulId), () => {});
}
