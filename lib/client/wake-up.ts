// When a page comes back: the browser says it is online again, the tab is shown again, a frozen
// page resumes, a page is restored from the back/forward cache. A phone that slept or lost the
// school's wifi then catches up at once, instead of waiting for its socket's next retry.

/** What the page's window and document are to this: something that fires events. */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * Calls `wake` each time the page comes back (see above); returns the function that stops
 * listening. `visible` says whether the page is shown now (document.visibilityState).
 */
export function onWake(win: Target, doc: Target, visible: () => boolean, wake: (why: string) => void): () => void {
  const listeners: [Target, string, () => void][] = [
    [win, 'online', () => wake('online')],
    [win, 'pageshow', () => wake('pageshow')],
    [doc, 'resume', () => wake('resume')],
    [doc, 'visibilitychange', () => visible() && wake('visible')],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
  };
}

/** How long after waking a dropped link is opened again at once rather than on the socket's backoff. */
export const WAKE_WINDOW_MS = 3000;
