'use client';
// On a page whose scripts show words (every page but the home page), its language's table is
// fetched beside the page's own scripts rather than after them: through next/dynamic, the
// server's page names the table's script in its head (a preload). Apart from language.tsx so that
// a page without it (the home page) carries none of next/dynamic's code.
import dynamic from 'next/dynamic';
import { Suspense } from 'react';
import type { Language } from '@/app/words';
import { useLanguage } from './language';

const Nothing = () => null;
const PRELOADS: Record<Language, React.ComponentType> = {
  en: dynamic(() => import('@/app/words/en').then(() => Nothing)),
  es: dynamic(() => import('@/app/words/es').then(() => Nothing)),
};

export function PreloadWords() {
  const Preload = PRELOADS[useLanguage()];
  return (
    <Suspense fallback={null}>
      <Preload />
    </Suspense>
  );
}
