/** A small, strict argument parser for the `paper-shelf` CLI: unknown flags and missing values are usage errors. */

/** A mistake in how the CLI was called; printed as one line on stderr with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type FlagSpec =
  | { type: 'boolean'; short?: string }
  | { type: 'string'; short?: string; choices?: readonly string[]; repeatable?: boolean }
  | { type: 'integer'; short?: string; min?: number; max?: number };

export type FlagSpecs = Record<string, FlagSpec>;

type FlagValue<S extends FlagSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'integer' }
    ? number | undefined
    : S extends { repeatable: true }
      ? string[]
      : string | undefined;

export interface ParsedArgs<S extends FlagSpecs> {
  flags: { [K in keyof S]: FlagValue<S[K]> };
  positionals: string[];
}

/**
 * Parses `--name value`, `--name=value`, `-x value`, boolean `--name`, and `--` (everything after it is positional).
 * A lone `-` is a positional (conventionally stdin/stdout).
 */
export function parseArgs<S extends FlagSpecs>(argv: readonly string[], specs: S): ParsedArgs<S> {
  const flags: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    flags[name] = spec.type === 'boolean' ? false : spec.type === 'string' && spec.repeatable ? [] : undefined;
  }
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(specs).filter(([, spec]) => spec.short).map(([name, spec]) => [spec.short as string, name]));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const short = byShort.get(arg.slice(1));
      if (!short) throw new UsageError(`unknown option ${arg}`);
      name = short;
    }
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next !== '--')) throw new UsageError(`option --${name} needs a value`);
      value = next;
      i++;
    }
    flags[name] = convert(name, spec, value, flags[name]);
  }
  return { flags: flags as ParsedArgs<S>['flags'], positionals };
}

function convert(name: string, spec: Exclude<FlagSpec, { type: 'boolean' }>, value: string, previous: unknown): unknown {
  if (spec.type === 'integer') {
    const number = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number)) throw new UsageError(`option --${name} needs a whole number, got "${value}"`);
    if (spec.min !== undefined && number < spec.min) throw new UsageError(`option --${name} must be at least ${spec.min}, got ${number}`);
    if (spec.max !== undefined && number > spec.max) throw new UsageError(`option --${name} must be at most ${spec.max}, got ${number}`);
    return number;
  }
  if (value === '') throw new UsageError(`option --${name} needs a non-empty value`);
  if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`option --${name} must be one of ${spec.choices.join(', ')}, got "${value}"`);
  if (spec.repeatable) return [...(previous as string[]), value];
  return value;
}

/** Checks the number of positional arguments and names what is missing or extra. */
export function expectPositionals(positionals: readonly string[], min: number, max: number, what: string): void {
  if (positionals.length < min) throw new UsageError(`missing ${what}`);
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
}
