'use client';
import { useEffect, useState } from 'react';

/** Which of `pages` pages a screen that cannot scroll shows now: the next one every `everyMs`. */
export function usePage(pages: number, everyMs = 8000): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), everyMs);
    return () => clearInterval(timer);
  }, [pages, everyMs]);
  return pages <= 1 ? 0 : page % pages;
}
