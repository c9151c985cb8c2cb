'use client';
// After the games, the projector plays the simul back: the scrubber, the figures up to the
// moment shown, the program's tasks, every board and the timeline so far.
import type { SimulView } from '@/lib/client/simul-connection';
import type { SimulMetrics } from '@/lib/metrics';
import { eventLoopView } from '@/lib/program/tasks';
import { useWords } from '../language';
import { Timeline } from '../dashboard/Timeline';
import { ProgramView } from '../program/ProgramView';
import { ScrubBoards } from '../review/ScrubBoards';
import { ScrubControls } from '../review/ScrubControls';
import { useScrub } from '../review/use-scrub';
import { ProjectorHeadline } from './ProjectorHeadline';

export function ProjectorReplay({ view, live, onClose }: { view: SimulView; live: SimulMetrics | null; onClose: () => void }) {
  const words = useWords().scrub;
  const scrub = useScrub(view.log);
  const state = scrub.moment?.state ?? view.state;
  const metrics = scrub.moment ? scrub.moment.metrics : live;
  const loop = eventLoopView(state);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[2vh] lg:flex-row" data-testid="projector-replay">
      <section aria-label={words.title} className="flex min-h-0 min-w-0 flex-col gap-[1vh] lg:w-[44vw] lg:overflow-y-auto">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-[clamp(1.25rem,3vh,2.25rem)] font-bold">{words.title}</h2>
          <button className="rounded-lg border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600" onClick={onClose} data-testid="replay-close">
            {words.backToResults}
          </button>
        </div>
        <ScrubControls scrub={scrub} />
        <ProjectorHeadline metrics={metrics} loop={{ ready: loop.ready.length, waiting: loop.awaiting.length }} />
        <ProgramView state={state} />
      </section>
      <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-[2vh] lg:overflow-y-auto">
        <ScrubBoards state={state} />
        {metrics && <Timeline start={metrics.start} end={metrics.end} timeline={metrics.timeline} readyQueue={metrics.readyQueue} />}
      </div>
    </div>
  );
}
