import type { ConnectionStatus } from '@/lib/client/simul-connection';

export function ConnectionBadge({ status, pendingCommands = 0 }: { status: ConnectionStatus; pendingCommands?: number }) {
  if (status === 'online' && pendingCommands === 0) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-slate-500" data-testid="connection">
        <span className="h-2 w-2 rounded-full bg-win" aria-hidden /> online
      </span>
    );
  }
  const text =
    status === 'connecting' ? 'connecting…' : status === 'reconnecting' ? 'reconnecting…' : 'sending…';
  return (
    <span className="inline-flex items-center gap-1 text-xs font-semibold text-ready" role="status" data-testid="connection">
      <span className="h-2 w-2 animate-pulse rounded-full bg-ready" aria-hidden /> {text}
    </span>
  );
}
