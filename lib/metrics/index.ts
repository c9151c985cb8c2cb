// The metrics, from the event log alone (docs/METRICS.md): see metrics-fold.ts for the figures
// the dashboard shows.
export * from './boards';
export * from './format';
export * from './host';
export * from './lesson';
export * from './metrics-fold';
export * from './projection';
export * from './ready-queue';
export * from './states';
export * from './thinks';
export * from './timeline';
