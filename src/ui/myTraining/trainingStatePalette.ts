import type { TrainingState } from '../../domain/myTraining';

/**
 * Badge colours per state. Each pair has its own background, so contrast holds on any section theme;
 * every text/background pair is at least 5.9:1 (WCAG AA asks 4.5:1). The badge always carries text too.
 */
export const TRAINING_STATE_PALETTE: Record<TrainingState, { text: string; background: string }> = {
  overdue: { text: '#A4262C', background: '#FDE7E9' },
  'due-soon': { text: '#5C4100', background: '#FFF4CE' },
  'in-progress': { text: '#004E8C', background: '#DEECF9' },
  'not-started': { text: '#323130', background: '#F3F2F1' },
  completed: { text: '#0B6A0B', background: '#DFF6DD' },
};
