import { describe, expect, it } from 'vitest';
import { type ModelArtsFake, modelartsFake } from '../../src/testing/index.js';
import { callModelArts, type ErrorBody, jobsPath, searchPath } from './helpers/modelarts-call.js';
import { jobRequest } from './helpers/modelarts-fixtures.js';
import { useModelArtsFakes } from './helpers/modelarts-msw.js';

// Same seed, one region each: identical jobs and trials, only what `offset` counts differs.
const byRecord = modelartsFake({
  region: 'cn-north-4',
  offsetMeaning: { trials: 'record', searches: 'record' },
});
const byPage = modelartsFake({ region: 'cn-east-3', offsetMeaning: { trials: 'page', searches: 'page' } });
const defaults = modelartsFake({ region: 'cn-south-1' });
useModelArtsFakes(byRecord, byPage, defaults);
const DAY = 24 * 60 * 60_000;

/** A finished job with `n` trials. */
function seedTrials(fake: ModelArtsFake, n: number): string {
  const request = jobRequest({ numSamples: n, maxConcurrent: 5 });
  const autoSearch = (request.algorithm as { policies: { auto_search: Record<string, unknown> } }).policies
    .auto_search;
  return fake.state.seedJob({ name: 'many', autoSearch, createdAt: fake.clock.now() - 30 * DAY }).id;
}

async function trialPage(fake: ModelArtsFake, id: string, query: Record<string, number>) {
  return (await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-trials'), { query })).json;
}
const trialIds = (page: { items: { data: unknown[][] } }) => page.items.data.map((row) => row[4]);

describe('autosearch-trials paging', () => {
  it('reads offset as a record offset when told so (the default, as the zh page says)', async () => {
    for (const fake of [byRecord, defaults]) {
      const id = seedTrials(fake, 23);
      const all = trialIds(await trialPage(fake, id, { limit: 100 }));
      expect(all).toHaveLength(23);
      const page = await trialPage(fake, id, { limit: 10, offset: 20 });
      expect(page).toMatchObject({ total: 23, count: 3, limit: 10, offset: 20, group_by: '' });
      expect(trialIds(page)).toEqual(all.slice(20));
      expect(page.items.data.map((row: string[]) => row[0])).toEqual(['20', '21', '22']);
    }
  });

  it('reads offset as a page index when told so', async () => {
    const id = seedTrials(byPage, 23);
    const all = trialIds(await trialPage(byPage, id, { limit: 100 }));
    const second = await trialPage(byPage, id, { limit: 10, offset: 1 });
    expect(second).toMatchObject({ total: 23, count: 10, limit: 10, offset: 1 });
    expect(trialIds(second)).toEqual(all.slice(10, 20));
    const past = await trialPage(byPage, id, { limit: 10, offset: 3 });
    expect([past.total, past.count, past.items.data]).toEqual([23, 0, []]);
  });

  it('answers limit 50, offset 0 when none are given, and refuses bad values with ModelArts.2764', async () => {
    const id = seedTrials(defaults, 3);
    expect(await trialPage(defaults, id, {})).toMatchObject({ total: 3, count: 3, limit: 50, offset: 0 });
    for (const query of [{ limit: 0 }, { offset: -1 }, { limit: 1.5 }] as Array<Record<string, number>>) {
      const bad = await callModelArts<ErrorBody>(
        defaults,
        'GET',
        jobsPath(defaults, id, '/autosearch-trials'),
        { query },
      );
      expect([bad.status, bad.json.error_code]).toEqual([400, 'ModelArts.2764']);
    }
  });
});

describe('training-job-searches', () => {
  const search = (fake: ModelArtsFake, body: unknown) =>
    callModelArts(fake, 'POST', searchPath(fake), { body });
  const names = (answer: { json: { items: Array<{ metadata: { name: string } }> } }) =>
    answer.json.items.map((item) => item.metadata.name);
  const seedJobs = (fake: ModelArtsFake, n: number) => {
    for (let i = 0; i < n; i++) {
      fake.state.seedJob({
        name: `job-${String(i).padStart(2, '0')}`,
        createdAt: fake.clock.now() - (n - i) * 60_000,
      });
    }
  };

  it('reads offset as a page index by default (the job-search page), newest first', async () => {
    seedJobs(defaults, 12);
    const first = await search(defaults, { limit: 5 });
    expect(first.json).toMatchObject({
      total: 12,
      count: 5,
      limit: 5,
      offset: 0,
      sort_by: 'create_time',
      order: 'desc',
      group_by: '',
      workspace_id: '0',
      ai_project: 'default-ai-project',
    });
    expect(names(first)).toEqual(['job-11', 'job-10', 'job-09', 'job-08', 'job-07']);
    expect(names(await search(defaults, { limit: 5, offset: 2 }))).toEqual(['job-01', 'job-00']);
    expect((await search(defaults, {})).json).toMatchObject({ limit: 10, count: 10 });
  });

  it('reads offset as a record offset when told so', async () => {
    seedJobs(byRecord, 12);
    const page = await search(byRecord, { limit: 5, offset: 2, order: 'asc' });
    expect(names(page)).toEqual(['job-02', 'job-03', 'job-04', 'job-05', 'job-06']);
    expect(page.json).toMatchObject({ total: 12, count: 5, offset: 2, order: 'asc' });
  });

  it('refuses a limit outside 1..50 and sorts it cannot do', async () => {
    for (const limit of [0, 51]) {
      const bad = await callModelArts<ErrorBody>(defaults, 'POST', searchPath(defaults), { body: { limit } });
      expect([bad.status, bad.json.error_code, bad.json.error_msg]).toEqual([
        400,
        'ModelArts.2788',
        'Invalid parameter(limit).',
      ]);
    }
    const sort = await callModelArts<ErrorBody>(defaults, 'POST', searchPath(defaults), {
      body: { sort_by: 'phase' },
    });
    expect([sort.status, sort.json.error_code]).toEqual([400, 'ModelArts.2790']);
    expect(names(await search(defaults, { sort_by: 'name', order: 'asc' }))).toEqual([]);
  });

  it('filters by name (like), phase (in) and create_time (between), ignoring empty placeholders', async () => {
    seedJobs(defaults, 6);
    const start = defaults.clock.now();
    defaults.state.seedJob({ name: 'fresh-trainjob' });
    const filter = (key: string, operator: string, value: string[]) => ({ key, operator, value });
    const like = await search(defaults, { filters: [filter('name', 'like', ['TRAINJOB'])] });
    expect(names(like)).toEqual(['fresh-trainjob']);
    const phases = await search(defaults, {
      filters: [filter('phase', 'in', ['Completed'])],
      sort_by: 'name',
      order: 'asc',
    });
    expect(names(phases)).toEqual(
      ['job-00', 'job-01', 'job-02', 'job-03', 'job-04', 'job-05'].filter((n) =>
        defaults.state.jobs().some((j) => j.name === n && j.phase === 'Completed'),
      ),
    );
    const creating = await search(defaults, { filters: [filter('phase', 'in', ['Creating'])] });
    expect(names(creating)).toEqual(['fresh-trainjob']);
    const window = await search(defaults, {
      filters: [filter('create_time', 'between', [String(start - 3 * 60_000), String(start - 2 * 60_000)])],
    });
    expect(names(window)).toEqual(['job-04', 'job-03']);
    // The documented example request, placeholders and all.
    const example = await search(defaults, {
      offset: 0,
      limit: 1,
      filters: [
        filter('name', 'like', ['trainjob']),
        filter('create_time', 'between', ['', '']),
        filter('phase', 'in', ['']),
        filter('algorithm_name', 'like', ['']),
        filter('kind', 'in', []),
        filter('user_id', 'in', ['']),
        filter('runtime_type', 'in', ['debug']),
      ],
    });
    expect([example.status, names(example), example.json.total]).toEqual([200, ['fresh-trainjob'], 1]);
  });

  it('refuses unknown filter keys, operators and values with ModelArts.2807/2808/2809', async () => {
    const refuse = async (filter: unknown, code: string) => {
      const bad = await callModelArts<ErrorBody>(defaults, 'POST', searchPath(defaults), {
        body: { filters: [filter] },
      });
      expect([bad.status, bad.json.error_code]).toEqual([400, code]);
    };
    await refuse({ key: 'color', operator: 'in', value: ['red'] }, 'ModelArts.2807');
    await refuse({ key: 'name', operator: 'in', value: ['x'] }, 'ModelArts.2808');
    await refuse({ key: 'phase', operator: 'in', value: ['Sleeping'] }, 'ModelArts.2809');
    await refuse({ key: 'create_time', operator: 'between', value: ['yesterday', ''] }, 'ModelArts.2809');
  });

  it('lists the default workspace unless another is named', async () => {
    const team = defaults.state.seedWorkspace({ name: 'team' });
    await callModelArts(defaults, 'POST', jobsPath(defaults), {
      body: jobRequest({ name: 'elsewhere', workspaceId: team.id }),
    });
    defaults.state.seedJob({ name: 'here' });
    expect(names(await search(defaults, {}))).toEqual(['here']);
    expect(names(await search(defaults, { workspace_id: team.id }))).toEqual(['elsewhere']);
  });
});

describe('workspaces', () => {
  it('lists the default workspace and seeded ones, paged by page index, filtered by name', async () => {
    for (const name of ['alpha', 'beta', 'gamma']) defaults.state.seedWorkspace({ name });
    const path = `/v1/${defaults.projectId}/workspaces`;
    const all = await callModelArts(defaults, 'GET', path, { query: { order: 'asc' } });
    expect(all.json.total_count).toBe(4);
    expect(all.json.workspaces.map((w: { name: string }) => w.name)).toEqual([
      'alpha',
      'beta',
      'default',
      'gamma',
    ]);
    expect(all.json.workspaces[2]).toMatchObject({
      id: '0',
      auth_type: 'PUBLIC',
      status: 'NORMAL',
      status_info: '',
    });
    const second = await callModelArts(defaults, 'GET', path, {
      query: { order: 'asc', limit: 2, offset: 1 },
    });
    expect([second.json.total_count, second.json.count]).toEqual([4, 2]);
    expect(second.json.workspaces.map((w: { name: string }) => w.name)).toEqual(['default', 'gamma']);
    const named = await callModelArts(defaults, 'GET', path, { query: { name: 'AMM' } });
    expect(named.json.workspaces.map((w: { name: string }) => w.name)).toEqual(['gamma']);
  });
});
