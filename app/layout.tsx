import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { LanguageProvider, LanguageSwitch } from './components/language';
import { PieceSprites } from './components/PieceSprites';
import './globals.css';
import { LANGUAGE_TAGS } from './words';
import { requestLanguage, requestWords } from './words/request';
import { LANGUAGES } from './words/tables';

// The icons, the manifest and the turn sound live in public/ (their licences: public/LICENSES.md);
// a simul's phone page links its own manifest (app/play/[id]).
export async function generateMetadata(): Promise<Metadata> {
  const { app } = await requestWords();
  return {
    title: app.name,
    description: app.description,
    manifest: '/manifest.webmanifest',
    icons: {
      icon: [{ url: '/favicon.ico', sizes: '32x32' }, { url: '/icon.svg', type: 'image/svg+xml' }],
      apple: '/apple-touch-icon.png',
    },
    appleWebApp: { capable: true, title: app.shortName },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, the 404 page too: its scripts need the request's CSP nonce.
  await connection();
  const language = await requestLanguage();
  const { app } = await requestWords();
  // The switch's words come from here: a page whose scripts show no words loads no table.
  const choices = LANGUAGE_TAGS.map((lang) => ({ lang, name: LANGUAGES[lang].languageName }));
  return (
    <html lang={language}>
      <body className="min-h-dvh font-sans">
        <PieceSprites />
        <LanguageProvider initial={language}>
          {children}
          <footer className="flex justify-end px-4 py-2" data-language-switch>
            <LanguageSwitch label={app.language} choices={choices} />
          </footer>
        </LanguageProvider>
      </body>
    </html>
  );
}
