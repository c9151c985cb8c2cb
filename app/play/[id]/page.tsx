import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { earlySocketScript } from '@/lib/client/early-socket';
import { requestWords } from '@/app/words/request';
import { PhonePage } from '@/app/components/play/PhonePage';

type Params = { params: Promise<{ id: string }> };

/** Added to the home screen, the phone's page opens this simul again (its own manifest). */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const { app } = await requestWords();
  return { title: app.name, manifest: `/play/${encodeURIComponent(id)}/manifest.webmanifest` };
}

/** The request's script nonce (its Content-Security-Policy, set by server/guards/http-security.ts). */
async function scriptNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy') ?? '';
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

export default async function PlayPage({ params }: Params) {
  const { id } = await params;
  const nonce = await scriptNonce();
  const script = earlySocketScript(id);
  return (
    <>
      {/* The phone's page: its first script is the join form alone, its words' table fetched beside it (PhonePage.tsx). */}
      <PhonePage simulId={id} />
      {/* A phone holding a seat here opens its WebSocket as the browser reads this, while the
          page's scripts load (lib/client/early-socket.ts). After the form: an inline script waits
          for the page's stylesheet, and the name field is read before it. */}
      {script && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />}
    </>
  );
}
