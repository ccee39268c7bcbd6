import { describe, expect, it } from 'vitest';
import { DEFAULT_PAI_SEED_CONFIGURATION } from '../../src/testing/index.js';
import { callPai, EXPERIMENTS, experimentPath } from './helpers/pai-call.js';
import { usePaiFake } from './helpers/pai-msw.js';
import { listExperiments, listTrials } from './helpers/pai-wire.js';

const fake = usePaiFake({ seed: 9, simulation: { failureRate: 0.2 } });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2026, 0, 1);

/** 23 experiments created a minute apart from the start, named exp-00…exp-22, the clock then a day on. */
function seedMany(count = 23): string[] {
  fake.clock.advance(24 * HOUR);
  return Array.from(
    { length: count },
    (_, i) =>
      fake.state.seedExperiment({
        name: `exp-${String(i).padStart(2, '0')}`,
        createdAt: START + i * MINUTE,
        workspaceId: i % 2 === 0 ? 'even' : 'odd',
        tags: i % 5 === 0 ? [{ Key: 'team', Value: 'search' }] : [],
      }).id,
  );
}

describe('ListHpoExperiments paging', () => {
  it('pages with PageNumber/PageSize, newest first by default, TotalCount on every page', async () => {
    const ids = seedMany();
    const pages = [];
    for (const PageNumber of [1, 2, 3, 4]) pages.push(await listExperiments({ PageNumber }));
    expect(pages.map((p) => p.Experiments.length)).toEqual([10, 10, 3, 0]);
    expect(pages.map((p) => p.TotalCount)).toEqual([23, 23, 23, 23]);
    expect(pages.flatMap((p) => p.Experiments.map((e) => e.ExperimentId))).toEqual([...ids].reverse());
  });

  it('sorts by SortBy and Order, accepting both documented spellings', async () => {
    const ids = seedMany(5);
    for (const SortBy of ['create_time', 'GmtCreateTime']) {
      const asc = await listExperiments({ SortBy, Order: 'ASC' });
      expect(asc.Experiments.map((e) => e.ExperimentId)).toEqual(ids);
    }
    const byStatus = await listExperiments({ SortBy: 'status', Order: 'ASC' });
    const statuses = byStatus.Experiments.map((e) => e.Status);
    expect(statuses).toEqual([...statuses].sort());
  });

  it('filters by Name keyword, Status, WorkspaceId, creation time, Creator and Tag', async () => {
    const ids = seedMany();
    expect((await listExperiments({ Name: 'EXP-1' })).TotalCount).toBe(10);
    expect((await listExperiments({ WorkspaceId: 'odd' })).TotalCount).toBe(11);
    const window = await listExperiments({
      MinCreateTime: '2026-01-01 00:03:00',
      MaxCreateTime: '2026-01-01 00:05:00',
      Order: 'ASC',
    });
    expect(window.Experiments.map((e) => e.ExperimentId)).toEqual(ids.slice(3, 6));
    expect((await listExperiments({ MaxCreateTime: '2026-01-01' })).TotalCount).toBe(23);
    expect((await listExperiments({ MinCreateTime: '2026-01-02' })).TotalCount).toBe(0);
    expect((await listExperiments({ Creator: 'somebody-else' })).TotalCount).toBe(0);
    expect(
      (await listExperiments({ Tag: JSON.stringify([{ Key: 'team', Value: 'search' }]) })).TotalCount,
    ).toBe(5);
    const finished = await listExperiments({ Status: 'FINISHED' });
    expect(finished.Experiments.every((e) => e.Status === 'FINISHED')).toBe(true);
    expect(finished.TotalCount).toBeGreaterThan(0);
  });

  it('sends SearchSpace, ConfigYml and ConfigIni only with IncludeConfigData=True, and never the configuration object', async () => {
    seedMany(1);
    const [plain] = (await listExperiments()).Experiments;
    expect(plain).not.toHaveProperty('SearchSpace');
    expect(plain).not.toHaveProperty('HpoExperimentConfiguration');
    const [full] = (await listExperiments({ IncludeConfigData: 'True' })).Experiments;
    expect(JSON.parse(full?.SearchSpace as string)).toEqual(DEFAULT_PAI_SEED_CONFIGURATION.search_space);
    expect(full?.ConfigYml).toContain('maxTrialNumber: 10');
    expect(full?.ConfigIni).toContain('[platform_config]');
    expect(full).not.toHaveProperty('HpoExperimentConfiguration');
  });

  it.each([
    ['PageSize 0', { PageSize: 0 }],
    ['PageSize 101', { PageSize: 101 }],
    ['PageNumber x', { PageNumber: 'x' }],
    ['an unknown SortBy', { SortBy: 'name' }],
    ['an unknown Order', { Order: 'UP' }],
    ['an unknown Status', { Status: 'DONE' }],
    ['a malformed MinCreateTime', { MinCreateTime: '01/01/2026' }],
    ['a Tag that is not JSON', { Tag: 'team=search' }],
  ])('refuses %s with INVALID_INPUT_PARAMS (400)', async (_label, query) => {
    const response = await callPai('GET', EXPERIMENTS, { query });
    expect([response.status, response.json.Code]).toEqual([400, 'INVALID_INPUT_PARAMS']);
  });
});

describe('ListHpoTrials paging', () => {
  it('pages trials in creation order by default and by final metric on request, unfinished ones last', async () => {
    const { id } = fake.state.seedExperiment({
      configuration: {
        ...DEFAULT_PAI_SEED_CONFIGURATION,
        yml_config: { max_trial_number: 25, trial_concurrency: 20 },
      },
    });
    fake.clock.advance(25 * MINUTE);
    const all = fake.state.trialsOf(id);
    expect(all).toHaveLength(25);
    const pages = [];
    for (const PageNumber of [1, 2, 3]) pages.push(await listTrials(id, { PageNumber }));
    expect(pages.map((p) => p.Trials.length)).toEqual([10, 10, 5]);
    expect(pages.flatMap((p) => p.Trials.map((t) => t.TrialId))).toEqual(all.map((t) => t.id));

    const best = (await listTrials(id, { SortBy: 'FINAL_METRIC', Order: 'DESC', PageSize: 25 })).Trials;
    const finals = best.map((t) => (t.FinalMetric === '' ? undefined : Number(t.FinalMetric)));
    const scored = finals.filter((v): v is number => v !== undefined);
    expect(scored.length).toBeGreaterThan(0);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    expect(finals.slice(scored.length).every((v) => v === undefined)).toBe(true);
    const worst = (await listTrials(id, { SortBy: 'FINAL_METRIC', Order: 'ASC', PageSize: 25 })).Trials;
    expect(worst.slice(0, scored.length).map((t) => Number(t.FinalMetric))).toEqual([...scored].reverse());
  });

  it('refuses an unknown SortBy', async () => {
    const { id } = fake.state.seedExperiment();
    const response = await callPai('GET', experimentPath(id, '/trials'), { query: { SortBy: 'NAME' } });
    expect([response.status, response.json.Code]).toEqual([400, 'INVALID_INPUT_PARAMS']);
  });
});
