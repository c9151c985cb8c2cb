import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { PieceSprites } from './components/PieceSprites';
import './globals.css';
import { APP } from './words';

// The icons, the manifest and the turn sound live in public/ (their licences: public/LICENSES.md);
// a simul's phone page links its own manifest (app/play/[id]).
export const metadata: Metadata = {
  title: APP.name,
  description: APP.description,
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [{ url: '/favicon.ico', sizes: '32x32' }, { url: '/icon.svg', type: 'image/svg+xml' }],
    apple: '/apple-touch-icon.png',
  },
  appleWebApp: { capable: true, title: APP.shortName },
};

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
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <PieceSprites />
        {children}
      </body>
    </html>
  );
}
