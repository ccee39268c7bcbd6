/**
 * The HTML report in a real browser: a comparison of the three clouds' fakes (real adapters, msw
 * at the HTTP boundary), rendered to a file, opened from disk by headless Chromium with scripts
 * off. Checked: nothing but the file is requested and nothing is logged, every chart has a size
 * and one series per run that has something to draw, the numbers shown are `toJson`'s, and the
 * page reads in the dark colour scheme as in the light one. Screenshots go to test-output/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/cli/report/index.js';
import { compare, toJson } from '../../src/compare/index.js';
import { type CloudRuns, runOnClouds, SPEC } from '../compare/helpers/clouds.js';
import { expectReportNumbers, type ReportJson, rankedTrials, readCells } from './helpers/report-numbers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const FILE = `${OUT}report.html`;
const FILE_URL = pathToFileURL(FILE).href;

let clouds: CloudRuns | undefined;
let json: ReportJson;
let browser: Promise<Browser> | undefined;

beforeAll(async () => {
  clouds = await runOnClouds({ ...SPEC, limits: { maxTrials: 30, maxParallelTrials: 3 } });
  const comparison = await compare(clouds.runs, { prices: { 'ml.m5.xlarge': 0.23 } });
  json = JSON.parse(JSON.stringify(toJson(comparison))) as ReportJson;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(FILE, renderReport(comparison));
}, 120_000);
afterAll(async () => {
  await (await browser?.catch(() => undefined))?.close();
  clouds?.close();
});

/** The system's Chromium, started once; without one, every test fails saying how to install it. */
function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The report's browser test needs Chromium, and there is none at ${CHROMIUM}. ` +
        'Install it with `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}

/** The report opened from disk in a fresh context with scripts off, with what it requested and logged. */
async function open(colorScheme: 'light' | 'dark') {
  const context: BrowserContext = await (await launch()).newContext({
    colorScheme,
    javaScriptEnabled: false,
    viewport: { width: 1100, height: 900 },
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const logged: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => logged.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logged.push(`pageerror: ${error.message}`));
  await page.goto(FILE_URL, { waitUntil: 'load' });
  return { context, page, requests, logged };
}

const runsWith = (has: (label: string) => boolean) => json.runs.map((r) => r.label).filter(has);
const ranked = (label: string) => rankedTrials(json, label);

/** Each chart, by `data-chart`, and the runs that have something to draw on it. */
function expectedCharts(): { chart: string; runs: string[] }[] {
  const curve = (label: string) => json.curves.find((c) => c.run === label);
  return [
    { chart: 'best-by-trial', runs: runsWith((l) => (curve(l)?.byTrial.length ?? 0) > 0) },
    { chart: 'best-by-time', runs: runsWith((l) => (curve(l)?.byTime.length ?? 0) > 0) },
    { chart: 'distribution', runs: runsWith((l) => ranked(l).length > 0) },
    ...json.parameters.map((name, i) => ({
      chart: `parameter-${i + 1}`,
      runs: runsWith((l) => ranked(l).some((t) => t.hyperParameters[name] !== undefined)),
    })),
    {
      chart: 'importance',
      runs: runsWith((l) => (json.importance.find((i) => i.run === l)?.parameters.length ?? 0) > 0),
    },
    { chart: 'status', runs: runsWith((l) => json.trials.some((t) => t.run === l)) },
  ];
}

describe('the HTML report, opened from disk in Chromium', () => {
  it('requests nothing but its own file, logs nothing and holds no script', async () => {
    const { context, page, requests, logged } = await open('light');
    expect(requests).toEqual([FILE_URL]);
    expect(logged).toEqual([]);
    const outside = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      links: [...document.querySelectorAll('[src], [href], link, iframe, object, embed')].map(
        (e) => e.outerHTML,
      ),
    }));
    expect(outside).toEqual({ scripts: 0, links: [] });
    await page.screenshot({ path: `${OUT}report-light.png`, fullPage: true });
    // The top of the page down to the progress charts: what docs/images/report.png shows.
    const progress = await page.locator('#progress').boundingBox();
    await page.screenshot({
      path: `${OUT}report-overview.png`,
      fullPage: true,
      clip: {
        x: 0,
        y: 0,
        width: 1100,
        height: Math.ceil((progress?.y ?? 0) + (progress?.height ?? 900) + 24),
      },
    });
    await context.close();
  });

  it('draws every chart with a size and one series per run that has something to draw', async () => {
    const { context, page } = await open('light');
    const expected = expectedCharts();
    // Every run has something on most charts here; ModelArts dates no trial, so not on the time axis.
    expect(expected.find((c) => c.chart === 'best-by-trial')?.runs).toEqual([
      'sagemaker',
      'pai',
      'modelarts',
    ]);
    expect(expected.find((c) => c.chart === 'best-by-time')?.runs).toEqual(['sagemaker', 'pai']);
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('figure[data-chart]')].map((figure) => {
        const svg = figure.querySelector(':scope > svg, :scope > figure > svg:last-of-type');
        const box = svg?.getBoundingClientRect();
        const series = [...figure.querySelectorAll('[data-series]')];
        return {
          chart: figure.getAttribute('data-chart'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          runs: [...new Set(series.map((g) => g.getAttribute('data-series')))],
          // A series that is there but draws nothing would pass a count alone.
          drawn: [
            ...new Set(
              series
                .filter((g) => g.getBoundingClientRect().width > 0 && g.getBoundingClientRect().height > 0)
                .map((g) => g.getAttribute('data-series')),
            ),
          ],
          axes: [...figure.querySelectorAll('[aria-label$="-axis label"] text')].map((t) => t.textContent),
        };
      }),
    );
    expect(drawn.map((d) => d.chart)).toEqual(expected.map((e) => e.chart));
    for (const [i, chart] of drawn.entries()) {
      expect(chart.runs, chart.chart ?? '').toEqual(expected[i]?.runs);
      expect(chart.width, chart.chart ?? '').toBeGreaterThan(100);
      expect(chart.height, chart.chart ?? '').toBeGreaterThan(100);
      expect(chart.drawn, chart.chart ?? '').toEqual(expected[i]?.runs);
    }
    const axes = Object.fromEntries(drawn.map((d) => [d.chart, d.axes.join(' | ')]));
    expect(axes['best-by-trial']).toMatch(/trial number/);
    expect(axes['best-by-trial']).toMatch(/validation:auc \(↑ higher is better\)/);
    expect(axes['best-by-time']).toMatch(/time since the run started \((seconds|minutes|hours)\)/);
    expect(axes.distribution).toMatch(/trials/);
    expect(axes.status).toMatch(/trials/);
    expect(axes.importance).toMatch(/share of the explained variation \(%\)/);
    for (const [i, name] of json.parameters.entries()) expect(axes[`parameter-${i + 1}`]).toContain(name);
    await context.close();
  });

  it('shows the numbers toJson gives: best values, trial counts, reach, time, cost, statuses, exclusions', async () => {
    const { context, page } = await open('light');
    // The DOM as Chromium built it, read as the in-process test reads linkedom's.
    expectReportNumbers(readCells(parseHTML(await page.content()).document), json);
    // The fakes fail some trials: the exclusions are there to be shown.
    expect(json.excluded.length).toBeGreaterThan(0);
    // What mattered: the bars' labels are each run's shares, to the tenth of a percent shown.
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('figure[data-chart="importance"] g[data-series] text')].map((t) => ({
        run: t.closest('[data-series]')?.getAttribute('data-series'),
        share: Number.parseFloat(t.textContent ?? ''),
      })),
    );
    for (const importance of json.importance.filter((i) => i.parameters.length > 0)) {
      const shown = labels.filter((l) => l.run === importance.run).map((l) => l.share);
      const shares = importance.parameters.map((p) => p.importance * 100);
      expect(shown).toHaveLength(shares.length);
      const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
      for (const [i, share] of sorted(shares).entries()) {
        expect(Math.abs((sorted(shown)[i] as number) - share)).toBeLessThanOrEqual(0.05);
      }
    }
    await context.close();
  });

  it('reads in the dark colour scheme: dark page, light text, axes in the text colour', async () => {
    const readColours = async (scheme: 'light' | 'dark') => {
      const { context, page } = await open(scheme);
      const colours = await page.evaluate(() => {
        const axis = document.querySelector(
          'figure[data-chart="best-by-trial"] [aria-label="y-axis tick label"]',
        );
        return {
          background: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(document.body).color,
          axis: axis ? getComputedStyle(axis).fill : '',
        };
      });
      if (scheme === 'dark') await page.screenshot({ path: `${OUT}report-dark.png`, fullPage: true });
      await context.close();
      return colours;
    };
    const light = await readColours('light');
    const dark = await readColours('dark');
    expect(luminance(light.background)).toBeGreaterThan(0.9);
    expect(luminance(dark.background)).toBeLessThan(0.05);
    for (const scheme of [light, dark]) {
      expect(contrast(scheme.text, scheme.background)).toBeGreaterThanOrEqual(7);
      expect(scheme.axis).toBe(scheme.text);
    }
  });
});

/** WCAG relative luminance of an `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
