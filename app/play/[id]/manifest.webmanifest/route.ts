// A simul's phone page's web app manifest: public/manifest.webmanifest, but added to the home
// screen it opens this simul again (where the phone's seat is kept), not the home page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const site = JSON.parse(await readFile(path.join(process.cwd(), 'public', 'manifest.webmanifest'), 'utf8'));
  return Response.json(
    { ...site, start_url: `/play/${encodeURIComponent(id)}` },
    { headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' } },
  );
}
