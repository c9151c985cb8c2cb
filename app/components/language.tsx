'use client';
// The page's language: the server renders in the one it chose for the request (app/layout.tsx),
// and the browser keeps its own choice, made with the switch, in localStorage (mirrored in a
// cookie, so the next page comes from the server already in it).
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useState } from 'react';
import { chooseLanguage, LANGUAGE_KEY, LANGUAGES, wordsOf, type Language, type Words } from '@/app/words';

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
  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(LANGUAGE_KEY);
    } catch {
      // No storage: the browser's languages decide.
    }
    const wanted = chooseLanguage(stored, navigator.languages ?? [navigator.language]);
    if (wanted === initial) return;
    // The server chose otherwise (its cookie was gone): keep the browser's choice, and have the
    // server's parts of the page drawn again in it.
    if (stored) keep(wanted);
    setLanguage(wanted);
    router.refresh();
  }, [initial, router]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = (next: Language) => {
    keep(next);
    setLanguage(next);
    // The parts of the page the server drew (the home page, the lesson's text) come again in it.
    router.refresh();
  };
  return <LanguageContext.Provider value={{ language, choose }}>{children}</LanguageContext.Provider>;
}

/** This page's words, in its language. */
export function useWords(): Words {
  return wordsOf(useContext(LanguageContext).language);
}

/** A small choice of language, kept for this browser. */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { language, choose } = useContext(LanguageContext);
  const w = useWords();
  return (
    <label className={`inline-flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300 ${className}`}>
      <span>{w.app.language}</span>
      <select
        value={language}
        onChange={(e) => choose(e.target.value as Language)}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
        data-testid="language"
      >
        {Object.values(LANGUAGES).map((words) => (
          <option key={words.lang} value={words.lang} lang={words.lang}>
            {words.languageName}
          </option>
        ))}
      </select>
    </label>
  );
}
