/**
 * The text files PAI derives from an HpoExperimentConfiguration and returns as strings:
 * `ConfigYml` (the NNI experiment config, camelCase keys as in exp.yml) and `ConfigIni` (the trial
 * runner's config.ini, with AccessKey values masked, reference §2.2).
 */
import { stringify } from 'yaml';
import { OTHER_SECTIONS } from './spec.js';
import type { ExperimentRecord, JsonObject } from './types.js';

/** Sections of config.ini, in the order hpo_tools reads them; yml_config and search_space have their own files. */
const INI_SECTIONS = ['platform_config', 'metric_config', 'output_config', ...OTHER_SECTIONS];

/** Configuration keys holding an AccessKey id or secret, in any section, in either spelling. */
const SECRET_KEY = /^(?:oss_|odps_)?(?:access_?key(?:_?(?:id|secret))?|access_id)$/i;
export const MASK = '******';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function configYml(experiment: ExperimentRecord): string {
  const yml = (experiment.configuration.yml_config ?? {}) as JsonObject;
  const spec = experiment.spec;
  const tuner = (yml.tuner ?? {}) as JsonObject;
  const assessor = yml.assessor as JsonObject | undefined;
  return stringify(
    {
      experimentName: yml.experiment_name ?? (experiment.name || experiment.id),
      experimentWorkingDirectory: '../expdir',
      searchSpaceFile: 'search_space.json',
      trialCommand: 'python3 -m hpo_tools.core.utils.run --config=./config.ini',
      trialConcurrency: spec.concurrency,
      maxTrialNumber: spec.maxTrials,
      tuner: { name: spec.tuner, classArgs: tuner.class_args ?? { optimize_mode: spec.optimizeMode } },
      assessor: assessor && { name: assessor.name, classArgs: assessor.class_args ?? {} },
      trainingService: { platform: 'local' },
      debug: yml.debug,
      logLevel: yml.log_level,
    },
    { sortMapEntries: true },
  ).trimEnd();
}

/**
 * `[section]` then `key=value`; lists become `key1=…`, `key2=…` (so stdout metrics can name
 * `cmd1`), objects JSON text, and continuation lines of multi-line commands are indented, as
 * Python's configparser reads them.
 */
export function configIni(configuration: JsonObject): string {
  const lines: string[] = [];
  for (const section of INI_SECTIONS) {
    const body = configuration[section];
    if (typeof body !== 'object' || body === null || Array.isArray(body)) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`[${section}]`);
    for (const [key, value] of Object.entries(body)) {
      if (Array.isArray(value)) lines.push(...value.map((item, i) => entry(`${key}${i + 1}`, item)));
      else lines.push(entry(key, value));
    }
  }
  return lines.join('\n');
}

function entry(key: string, value: unknown): string {
  if (isSecretKey(key)) return `${key}=${MASK}`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `${key}=${text.replace(/\n[ \t]*/g, '\n    ')}`;
}

/** A deep copy with every AccessKey value masked: what the request log keeps of a request body. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      isSecretKey(k) && typeof v === 'string' ? MASK : maskSecrets(v),
    ]),
  );
}
