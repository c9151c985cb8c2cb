'use client';
// The simul as the Python program it is, beside the dashboard: the program's lines, the boards
// (tasks) standing at each, the loop's current task's line lit, and the ready queue in order.
// Everything is read from the simul's state (lib/program/tasks.ts), live or scrubbed; the
// program's comments and docstrings are the reader's language's (words' program.comments).
import { withComments } from '@/lib/program/python';
import { eventLoopView, type TaskState } from '@/lib/program/tasks';
import type { SimulState } from '@/lib/simul/types';
import { useWords } from '../language';
import { LOOKS, type BoardLook } from '../board-look';

/** Each task state in the one colour language. */
const TASK_LOOK: Record<TaskState, BoardLook> = {
  running: 'host-thinking',
  ready: 'awaiting-host',
  awaiting: 'opponent-thinking',
  'not-begun': 'queued',
  done: 'unfinished',
  paused: 'paused',
};

function Chip({ board, state, game = 1 }: { board: number; state: TaskState; game?: number }) {
  const words = useWords().program;
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums ${LOOKS[TASK_LOOK[state]].chip}`} data-testid={`program-task-${board}`} data-state={state} data-game={game}>
      {board}
      {game > 1 && <span className="font-normal">, {words.game(game)}</span>}
      <span className="sr-only"> {words.state[state]}</span>
    </span>
  );
}

function Boards({ boards, state, testId }: { boards: number[]; state: TaskState; testId: string }) {
  const words = useWords().program;
  return (
    <dd className="flex flex-wrap gap-1" data-testid={testId} data-boards={boards.join(' ')}>
      {boards.length === 0 ? <span className="text-sm text-slate-600 dark:text-slate-400">{words.none}</span> : boards.map((n) => <Chip key={n} board={n} state={state} />)}
    </dd>
  );
}

/** `codeFolded`: the listing starts folded behind its summary (the review, where it is long beside the rest). */
export function ProgramView({ state, className = '', codeFolded = false }: { state: SimulState; className?: string; codeFolded?: boolean }) {
  const words = useWords().program;
  const view = eventLoopView(state);
  const { program } = view;
  const currentLine = view.current === null ? null : program.place['host-thinks'];
  const atLine = new Map<number, typeof view.tasks>();
  for (const t of view.tasks) if (t.line !== null) atLine.set(t.line, [...(atLine.get(t.line) ?? []), t]);
  // Sync: the one game being played, running on the host or blocked on its opponent.
  const shown = program.mode === 'sync' ? view.tasks.find((t) => t.state === 'running' || t.state === 'awaiting') : view.tasks.find((t) => t.state === 'running');
  const lists: { title: string; boards: number[]; state: TaskState; testId: string }[] = [
    ...(program.mode === 'async' ? [{ title: words.readyQueue, boards: view.ready, state: 'ready' as const, testId: 'program-ready' }] : []),
    { title: words.awaiting, boards: view.awaiting, state: 'awaiting', testId: 'program-awaiting' },
    ...(program.mode === 'sync' ? [{ title: words.notBegun, boards: view.notBegun, state: 'not-begun' as const, testId: 'program-not-begun' }] : []),
    { title: words.done, boards: view.done, state: 'done', testId: 'program-done' },
  ];
  return (
    <section className={`flex min-w-0 flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900 ${className}`} aria-label={words.title} data-testid="program-view" data-mode={program.mode} data-paused={view.paused || undefined}>
      <h2 className="text-xl font-bold">{words.title}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">{words.intro(program.mode)}</p>
      {view.paused && (
        <p className="rounded-lg bg-paused/25 px-3 py-2 font-semibold" data-testid="program-paused">
          {words.paused}
        </p>
      )}
      {!view.started && <p className="text-sm text-slate-600 dark:text-slate-300">{words.notStarted}</p>}
      <dl className="grid gap-2 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-semibold">{program.mode === 'async' ? words.current : words.currentSync}</dt>
          <dd data-testid="program-current" data-board={view.current ?? ''}>
            {shown ? (
              <Chip board={shown.board} state={shown.state} game={shown.game} />
            ) : (
              <span className="text-sm text-slate-600 dark:text-slate-400">{view.started && view.ready.length === 0 && view.awaiting.length > 0 ? words.idle : words.none}</span>
            )}
          </dd>
        </div>
        {lists.map((l) => (
          <div key={l.testId}>
            <dt className="text-sm font-semibold">{l.title}</dt>
            <Boards boards={l.boards} state={l.state} testId={l.testId} />
          </div>
        ))}
      </dl>
      <details open={!codeFolded} className="group" data-testid="program-code">
        <summary className="cursor-pointer text-sm font-semibold">{words.showCode(program.lines.length)}</summary>
        {/* The code keeps its lines: it scrolls sideways in its own box, never the page. */}
        <div className="max-w-full overflow-x-auto rounded-lg bg-slate-50 py-2 dark:bg-slate-950" tabIndex={0} role="region" aria-label={words.code}>
          <ol className="min-w-max font-mono text-[13px] leading-snug">
            {program.lines.map((code, i) => {
              const line = i + 1;
              const tasks = atLine.get(line) ?? [];
              const current = line === currentLine;
              return (
                <li
                  key={line}
                  className={`border-l-4 px-2 ${current ? 'border-host bg-host/15' : tasks.length > 0 ? 'border-ready/60' : 'border-transparent'}`}
                  data-testid={`program-line-${line}`}
                  data-current={current || undefined}
                  data-boards={tasks.map((t) => t.board).join(' ')}
                  aria-current={current ? 'step' : undefined}
                >
                  <span className="flex gap-3">
                    <span className="w-6 shrink-0 text-right text-slate-600 select-none dark:text-slate-400" aria-hidden>{line}</span>
                    <code className="whitespace-pre">{withComments(code, words.comments) || ' '}</code>
                  </span>
                  {tasks.length > 0 && (
                    <span className="ml-9 flex max-w-[60ch] flex-wrap gap-1 pb-1" aria-label={words.lineTasks(line, tasks.map((t) => `${words.board(t.board)} ${words.state[t.state]}`))}>
                      {tasks.map((t) => <Chip key={t.board} board={t.board} state={t.state} game={t.game} />)}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      </details>
    </section>
  );
}
