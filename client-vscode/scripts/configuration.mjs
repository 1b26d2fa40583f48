#!/usr/bin/env node
/**
 * This extension's `contributes.configuration` block, generated: the server's settings (types, sub-keys,
 * constraints, one property per rule id) come from server-lsp/src/settings-schema.ts; this file adds only
 * what VS Code alone needs (scope, default, Markdown wording, the client-only keys). client-vscode's
 * manifest test fails while package.json differs from what this generates.
 * Run after adding a rule or changing a setting:  node client-vscode/scripts/configuration.mjs
 * (needs the build: server-lsp/dist).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** VS Code wording and extras per server setting; types and constraints are the schema's. */
const SERVER = {
  rules: {
    markdownDescription: 'Rule severities by rule id, e.g. `{ "dialplan/unknown-app": "off", "sofia/legacy-tls": "error" }`. Same as `rules:` in `.fsconf.yaml`, which wins where both set a rule.',
  },
  profiles: {
    markdownDescription: 'Name patterns that make a sofia profile *internal* or *external* (defaults `internal*` and `external*`), e.g. `{ "internal": ["lan*"], "external": ["wan*"] }`. Same as `profiles:` in `.fsconf.yaml`.',
    sub: { internal: 'Internal profile name patterns.', external: 'External profile name patterns.' },
  },
  passwords: {
    markdownDescription: 'Password policy for directory users and gateways: `minimum` length (default 6) and `strength` 0–4 (default 3). Same as `passwords:` in `.fsconf.yaml`; a `cti.json` in the tree wins.',
    sub: { minimum: 'Minimum password length.', strength: 'Minimum strength score, 0 (anything) to 4 (very strong).' },
  },
  known: {
    markdownDescription: 'Third-party dialplan `applications` and `modules` fsconf should not report as unknown, e.g. `{ "applications": ["cti_robot"], "modules": ["mod_cti"] }`. Same as `known:` in `.fsconf.yaml`.',
    sub: { applications: 'Extra dialplan application names.', modules: 'Extra module names.' },
  },
  localNet: {
    // VS Code checks the value as it is typed; the server checks it again
    extra: {
      pattern: '^$|^\\s*(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}\\s*/\\s*(3[0-2]|[12]?\\d|(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})\\s*$',
      patternErrorMessage: 'Not ip/bits or ip/mask (e.g. 192.168.1.10/24): localnet.auto and nat.auto stay unknown',
    },
    markdownDescription: "The switch's own address and netmask, `ip/bits` or `ip/mask` (e.g. `192.168.1.10/24`): what the built-in `localnet.auto` and `nat.auto` ACL lists are built from when fsconf evaluates them (*Test an address against an ACL*). Empty: fsconf cannot know them, and the tester answers UNKNOWN for an address they would decide. Same as `localNet:` in `.fsconf.yaml`.",
  },
  inlayHints: {
    // one checkbox per kind, on by default
    flat: {
      variables: 'Show the value of each `$${var}` after it, as the pre-processor expands it at that line (secrets masked).',
      bitrates: 'Show the bitrate after an AMR / AMR-WB mode index (`default-bitrate`).',
      arguments: 'Name each positional argument of `read` and `play_and_get_digits` (min, max, tries, timeout…).',
    },
  },
  freeswitch: {
    extra: { enum: ['', '1.10', '1.11', 'master'] },
    markdownDescription: 'The FreeSWITCH version the switch runs (`1.10` for 1.10.x, `1.11`, `master`): modules and applications removed after 1.10 are then reported as missing, or accepted. Empty: anything 1.10.12 or master has is accepted. Same as `freeswitch:` in `.fsconf.yaml`.',
  },
};

/** Settings only the client reads. */
const CLIENT = {
  'fsconf.enable': { type: 'boolean', default: true, scope: 'window', description: 'Run fsconf on FreeSWITCH configuration files. When off, the language server is stopped.' },
  'fsconf.files': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    scope: 'window',
    description:
      'Extra glob patterns of files fsconf handles, besides XML in a tree holding freeswitch.xml and files under a freeswitch folder. Absolute ("/opt/pbx/conf/**/*.xml") or relative to a workspace folder ("conf/**/*.xml").',
  },
};
const CLIENT_LAST = {
  'fsconf.trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window', description: 'Log the messages between VS Code and the fsconf language server in the "fsconf" output channel.' },
};

/** @param {{ properties: Record<string, any> }} schema the server's SETTINGS_SCHEMA */
export function configuration(schema) {
  const properties = { ...CLIENT };
  for (const [key, s] of Object.entries(schema.properties)) {
    const vs = SERVER[key];
    if (!vs) throw new Error(`settings-schema has ${key}, configuration.mjs has no VS Code wording for it`);
    if (vs.flat) {
      for (const [sub, md] of Object.entries(vs.flat)) properties[`fsconf.${key}.${sub}`] = { type: s.properties[sub].type, default: true, scope: 'resource', markdownDescription: md };
      continue;
    }
    const p = { type: s.type, default: s.type === 'object' ? {} : '', scope: 'resource', ...vs.extra, markdownDescription: vs.markdownDescription };
    if (s.properties) {
      p.properties = Object.fromEntries(Object.entries(s.properties).map(([sub, ss]) => [sub, vs.sub ? { ...ss, description: vs.sub[sub] } : ss]));
    }
    if (s.additionalProperties !== undefined) p.additionalProperties = s.additionalProperties;
    properties[`fsconf.${key}`] = p;
  }
  return { title: 'fsconf', properties: { ...properties, ...CLIENT_LAST } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkgFile = fileURLToPath(new URL('../package.json', import.meta.url));
  const { SETTINGS_SCHEMA } = await import(new URL('../../server-lsp/dist/settings-schema.js', import.meta.url).href);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  pkg.contributes.configuration = configuration(SETTINGS_SCHEMA);
  const text = JSON.stringify(pkg, null, 2) + '\n';
  if (text !== readFileSync(pkgFile, 'utf8')) writeFileSync(pkgFile, text);
}
