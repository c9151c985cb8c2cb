import type { ConnectionStatus } from '@/lib/client/simul-connection';
import { useWords } from './language';

export function ConnectionBadge({ status, pendingCommands = 0 }: { status: ConnectionStatus; pendingCommands?: number }) {
  const w = useWords().connection;
  if (status === 'online' && pendingCommands === 0) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-slate-500" data-testid="connection">
        <span className="h-2 w-2 rounded-full bg-win" aria-hidden /> {w.online}
      </span>
    );
  }
  const text =
    status === 'connecting' ? w.connecting : status === 'reconnecting' ? w.reconnecting : w.sending;
  return (
    <span className="inline-flex items-center gap-1 text-xs font-semibold text-amber-800 dark:text-amber-300" role="status" data-testid="connection">
      <span className="h-2 w-2 animate-pulse rounded-full bg-ready" aria-hidden /> {text}
    </span>
  );
}
