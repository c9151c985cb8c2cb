import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { PieceSprites } from './components/PieceSprites';
import './globals.css';

export const metadata: Metadata = {
  title: 'Async Simul',
  description: 'A chess simul for the classroom that teaches asyncio: one host, many boards.',
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
