/**
 * Settings plumbing. The client reads `fsconf.enable`, `fsconf.files` and `fsconf.trace.server` itself;
 * the server reads the rest (same shape as `.fsconf.yaml`). Only values the user actually set are
 * forwarded: VS Code fills unset object settings with `{}`, and a forwarded default must never hide
 * a `.fsconf.yaml`.
 */

/** Settings the client uses and the server never sees. */
export const CLIENT_ONLY_KEYS = ['enable', 'files', 'trace.server'] as const;

/** Settings forwarded to the server (must equal the server's settings schema; a test checks it). */
export const SERVER_KEYS = ['rules', 'profiles', 'passwords', 'known', 'localNet', 'freeswitch', 'inlayHints'] as const;

/** `fsconf.inlayHints.*`: contributed as one boolean per kind, forwarded as one object. */
const INLAY_KINDS = ['variables', 'bitrates', 'arguments'] as const;

export interface ServerSettings {
  rules?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  profiles?: { internal?: string[]; external?: string[] };
  passwords?: { minimum?: number; strength?: number };
  known?: { applications?: string[]; modules?: string[] };
  /** The switch's own address and netmask ("192.168.1.10/24"), for the built-in localnet.auto / nat.auto lists. */
  localNet?: string;
  inlayHints?: { variables?: boolean; bitrates?: boolean; arguments?: boolean };
  /** The FreeSWITCH version the switch runs: 1.10, 1.11 or master. */
  freeswitch?: string;
}

/** The subset of `vscode.WorkspaceConfiguration` we use. */
export interface ConfigurationLike {
  get<T>(key: string): T | undefined;
  inspect<T>(key: string):
    | {
        defaultValue?: T;
        globalValue?: T;
        workspaceValue?: T;
        workspaceFolderValue?: T;
        globalLanguageValue?: T;
        workspaceLanguageValue?: T;
        workspaceFolderLanguageValue?: T;
      }
    | undefined;
}

/** The value the user set at the most specific level, ignoring contributed defaults. */
export function userValue<T>(config: ConfigurationLike, key: string): T | undefined {
  const i = config.inspect<T>(key);
  if (!i) return undefined;
  return i.workspaceFolderLanguageValue ?? i.workspaceFolderValue ?? i.workspaceLanguageValue ?? i.workspaceValue ?? i.globalLanguageValue ?? i.globalValue;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What the server gets: the server keys, only where the user set them (objects non-empty, strings non-blank). */
export function serverSettings(config: ConfigurationLike): ServerSettings {
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    const v = userValue<unknown>(config, key);
    if (key === 'inlayHints') {
      const kinds: Record<string, boolean> = {};
      for (const k of INLAY_KINDS) {
        const b = userValue<unknown>(config, `inlayHints.${k}`);
        if (typeof b === 'boolean') kinds[k] = b;
      }
      if (Object.keys(kinds).length) out[key] = kinds;
    } else if (key === 'localNet' || key === 'freeswitch') {
      if (typeof v === 'string' && v.trim() !== '') out[key] = v.trim();
    } else if (isPlainObject(v) && Object.keys(v).length > 0) out[key] = v;
  }
  return out as ServerSettings;
}

export interface ClientSettings {
  enable: boolean;
  files: string[];
  trace: 'off' | 'messages' | 'verbose';
}

export function clientSettings(config: ConfigurationLike): ClientSettings {
  const enable = config.get<boolean>('enable');
  const files = config.get<unknown>('files');
  const trace = config.get<string>('trace.server');
  return {
    enable: enable !== false,
    files: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : [],
    trace: trace === 'messages' || trace === 'verbose' ? trace : 'off',
  };
}

/**
 * Answer a server's `workspace/configuration` request: for section `fsconf` (or no section) the forwarded
 * settings; for `fsconf.<key>` that key; anything else is left to the default handler (`undefined`).
 */
export function answerConfigurationItem(section: string | undefined, settings: ServerSettings): unknown {
  if (section === undefined || section === '' || section === 'fsconf') return settings;
  if (section.startsWith('fsconf.')) {
    const key = section.slice('fsconf.'.length);
    if ((SERVER_KEYS as readonly string[]).includes(key)) return (settings as Record<string, unknown>)[key] ?? null;
  }
  return undefined;
}

/** Does a configuration change event touch something that needs the client restarted (vs. just re-sent)? */
export function changeKind(affects: (section: string) => boolean): 'restart' | 'resend' | 'none' {
  if (affects('fsconf.enable') || affects('fsconf.files')) return 'restart';
  if (SERVER_KEYS.some((k) => affects(`fsconf.${k}`))) return 'resend';
  return 'none';
}
