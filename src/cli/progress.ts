/**
 * `crosstune watch`'s progress on stderr: on a terminal one status line redrawn in place (trials
 * done of the total, running, best so far, time watched); otherwise one line per event, for logs.
 */
import { formatNumber, formatSeconds } from '../compare/format.js';
import type { ExperimentEvent, Trial } from '../index.js';

export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

const ENDED = ['completed', 'early_stopped', 'stopped', 'failed'] as const;

function objectiveText(trial: Trial): string {
  return trial.objective ? ` ${trial.objective.metric}=${formatNumber(trial.objective.value)}` : '';
}

/** One line for a log: what happened, when (the poll's time). */
export function eventLine(event: ExperimentEvent): string {
  const at = event.at.toISOString();
  switch (event.type) {
    case 'status':
      return `${at} experiment ${event.experiment.id} ${event.previous ? `${event.previous} -> ` : ''}${event.experiment.status} (${event.experiment.providerStatus})`;
    case 'trial-started':
      return `${at} trial ${event.trial.id} started (${event.trial.status})`;
    case 'trial-ended':
      return `${at} trial ${event.trial.id} ended ${event.trial.status}${objectiveText(event.trial)}`;
    case 'best':
      return `${at} best ${event.trial.id}${objectiveText(event.trial)}`;
    case 'poll': {
      const done = ENDED.reduce((n, s) => n + (event.trials[s] ?? 0), 0);
      return `${at} poll: ${event.experiment.status}, ${done}/${event.experiment.limits.maxTrials ?? event.trials.total ?? '?'} trials done, ${event.trials.running ?? 0} running`;
    }
  }
}

/** Follows events and draws them: a redrawn line on a terminal, a line each otherwise. */
export function progressPrinter(sink: ProgressSink, started = Date.now()) {
  let best: Trial | undefined;
  let line = '';
  return {
    onEvent(event: ExperimentEvent) {
      if (event.type === 'best') best = event.trial;
      if (!sink.isTTY) {
        sink.write(`${eventLine(event)}\n`);
        return;
      }
      if (event.type !== 'poll') return;
      const done = ENDED.reduce((n, s) => n + (event.trials[s] ?? 0), 0);
      const total = event.experiment.limits.maxTrials ?? event.trials.total ?? 0;
      const width = 20;
      const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
      line = [
        `${event.experiment.status.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`,
        `${done}/${total || '?'} done`,
        `${event.trials.running ?? 0} running`,
        `best ${best?.objective ? `${formatNumber(best.objective.value)} (${best.id})` : '-'}`,
        formatSeconds((Date.now() - started) / 1000),
      ].join('  ');
      sink.write(`\r\x1b[2K${line}`);
    },
    /** Ends the redrawn line so whatever follows starts on a line of its own. */
    finish() {
      if (sink.isTTY && line) sink.write('\n');
    },
  };
}
