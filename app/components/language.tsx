'use client';
// The page's language: the server renders in the one it chose for the request (app/layout.tsx),
// and the browser keeps its own choice, made with the switch, in localStorage (mirrored in a
// cookie, so the next page comes from the server already in it). A page's scripts carry no
// words: the first component that asks for them (useWords) loads its language's table, and only
// that one (app/words/load.ts); a page whose scripts show no words (the home page) loads none.
import { useRouter } from 'next/navigation';
import { createContext, startTransition, use, useContext, useEffect, useState } from 'react';
import type { Words } from '@/app/words';
import { chooseLanguage, LANGUAGE_KEY, type Language } from '@/app/words/languages';
import { loadedWords, loadWords } from '@/app/words/load';

const LanguageContext = createContext<{ language: Language; choose: (language: Language) => void }>({
  language: 'en',
  choose: () => {},
});

function keep(language: Language) {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused (a private window): the cookie still carries the choice.
  }
  document.cookie = `${LANGUAGE_KEY}=${language}; path=/; max-age=31536000; samesite=lax`;
}

export function LanguageProvider({ initial, children }: { initial: Language; children: React.ReactNode }) {
  const router = useRouter();
  const [language, setLanguage] = useState(initial);
  // Shown in `next` once its table is here (the page's scripts never wait on a table mid-change),
  // and the parts of the page the server drew (the home page, the lesson's text) come again in it.
  const show = (next: Language) =>
    void loadWords(next).then(() =>
      startTransition(() => {
        setLanguage(next);
        router.refresh();
      }),
    );
  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(LANGUAGE_KEY);
    } catch {
      // No storage: the browser's languages decide.
    }
    const wanted = chooseLanguage(stored, navigator.languages ?? [navigator.language]);
    if (wanted === initial) return;
    // The server chose otherwise (its cookie was gone): keep the browser's choice.
    if (stored) keep(wanted);
    show(wanted);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the language the server chose
  }, [initial]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = (next: Language) => {
    keep(next);
    show(next);
  };
  return <LanguageContext.Provider value={{ language, choose }}>{children}</LanguageContext.Provider>;
}


/** This page's words, in its language (its table loaded the first time: the component waits for it). */
export function useWords(): Words {
  const { language } = useContext(LanguageContext);
  return loadedWords(language) ?? use(loadWords(language));
}

/** A small choice of language, kept for this browser; its words come from the server (the page's scripts need no table for it). */
export function LanguageSwitch({ label, choices, className = '' }: { label: string; choices: { lang: Language; name: string }[]; className?: string }) {
  const { language, choose } = useContext(LanguageContext);
  return (
    <label className={`inline-flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300 ${className}`}>
      <span>{label}</span>
      <select
        value={language}
        onChange={(e) => choose(e.target.value as Language)}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
        data-testid="language"
      >
        {choices.map((c) => (
          <option key={c.lang} value={c.lang} lang={c.lang}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
