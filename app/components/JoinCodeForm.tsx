// A student types the six-digit code; the server's /j?code=… (like /j/<code>) sends them to the
// simul. A plain form, drawn by the server: it works before any of the page's scripts have come
// (a phone on slow wifi), and the page's scripts carry nothing of it.
export function JoinCodeForm({ initial, label, button }: { initial: string; label: string; button: string }) {
  return (
    <form action="/j" method="get" className="flex flex-col gap-3">
      <label className="flex flex-col gap-1">
        <span className="text-sm text-slate-600 dark:text-slate-300">{label}</span>
        <input
          name="code"
          defaultValue={initial.replace(/\D/g, '').slice(0, 6)}
          inputMode="numeric"
          autoComplete="off"
          pattern="\s*(\d\s*){6}"
          maxLength={12}
          placeholder="123456"
          required
          className="w-full min-w-0 rounded-lg border border-slate-300 px-3 py-3 text-center font-mono text-3xl tracking-[0.3em] dark:border-slate-600 dark:bg-slate-800"
          data-testid="join-code-input"
        />
      </label>
      <button className="rounded-lg bg-slate-900 px-5 py-3 text-lg font-semibold text-white dark:bg-slate-100 dark:text-slate-900">{button}</button>
    </form>
  );
}
