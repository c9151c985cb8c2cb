// Which components React rendered in each commit, by name (and board number for the cells that
// carry one), read from the hook React's developer tools use: import this before react-dom.
// For tests in a DOM (happy-dom): a component counts when its function ran in the commit.

type Fiber = {
  tag: number;
  type: unknown;
  flags: number;
  memoizedProps: Record<string, unknown> | null;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
};

// React's fiber tags for components that run a function, and the flag set when one ran.
const FUNCTION_TAGS = new Set([0, 11, 15]); // function, forwardRef, simple memo
const PERFORMED_WORK = 1;

const counts = new Map<string, number>();

function nameOf(fiber: Fiber): string | null {
  if (!FUNCTION_TAGS.has(fiber.tag)) return null;
  const type = fiber.type as { name?: string; displayName?: string; render?: { name?: string } } | null;
  const name = type?.displayName ?? type?.name ?? type?.render?.name;
  if (!name) return null;
  const number = fiber.memoizedProps?.number;
  return typeof number === 'number' ? `${name}#${number}` : name;
}

function count(fiber: Fiber): void {
  const name = nameOf(fiber);
  if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
}

/** Mounted now: every component in it ran. */
function mounted(fiber: Fiber | null): void {
  for (let f = fiber; f; f = f.sibling) {
    count(f);
    mounted(f.child);
  }
}

/** Updated: a component ran if it performed work; a subtree whose children are the old ones was not visited. */
function updated(next: Fiber, prev: Fiber): void {
  if (next.flags & PERFORMED_WORK) count(next);
  if (next.child === prev.child) return;
  for (let child = next.child; child; child = child.sibling) {
    if (child.alternate) updated(child, child.alternate);
    else {
      count(child);
      mounted(child.child);
    }
  }
}

(globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onScheduleFiberRoot: () => {},
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
    const next = root.current;
    if (next.alternate) updated(next, next.alternate);
    else mounted(next);
  },
};

/** The renders counted since the last reset, by component. */
export const renders = {
  of: (name: string) => counts.get(name) ?? 0,
  all: () => new Map(counts),
  reset: () => counts.clear(),
};
