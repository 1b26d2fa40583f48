#!/usr/bin/env node
/**
 * This extension's `contributes.configuration` block, generated: the server's settings (types, sub-keys,
 * constraints, one property per rule id, Markdown wording, VS Code's extras under `x-vscode`) come from
 * server-lsp/src/settings-schema.ts, i.e. core's settings schema; this file adds only what VS Code alone
 * needs (scope, its unset values, the client-only keys). client-vscode's
 * manifest test fails while package.json differs from what this generates.
 * It also writes server-lsp/settings.schema.json (the same schema for other editors).
 * Run after adding a rule or changing a setting:  node client-vscode/scripts/configuration.mjs
 * (needs the build: server-lsp/dist).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Settings only the client reads. */
const CLIENT = {
  'fsconf.enable': {
    type: 'boolean',
    default: true,
    scope: 'window',
    description: 'Run fsconf on FreeSWITCH configuration files. When off, the language server is stopped.',
  },
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
  'fsconf.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    description: 'Log the messages between VS Code and the fsconf language server in the "fsconf" output channel.',
  },
};

/** @param {{ properties: Record<string, any> }} schema the server's SETTINGS_SCHEMA */
export function configuration(schema) {
  const properties = { ...CLIENT };
  for (const [key, s] of Object.entries(schema.properties)) {
    if (!s.markdownDescription && !s['x-vscode-flat']) throw new Error(`setting ${key} has no markdownDescription (packages/core/src/settings-schema.ts)`);
    if (s['x-vscode-flat']) {
      for (const [sub, ss] of Object.entries(s.properties))
        properties[`fsconf.${key}.${sub}`] = { type: ss.type, default: true, scope: 'resource', markdownDescription: ss.markdownDescription };
      continue;
    }
    // VS Code's unset values ({} and ''): a forwarded default must never hide a .fsconf.yaml (src/settings.ts)
    const p = { type: s.type, default: s.type === 'object' ? {} : '', scope: 'resource', ...s['x-vscode'], markdownDescription: s.markdownDescription };
    if (s.properties) p.properties = s.properties;
    if (s.additionalProperties !== undefined) p.additionalProperties = s.additionalProperties;
    properties[`fsconf.${key}`] = p;
  }
  return { title: 'fsconf', properties: { ...properties, ...CLIENT_LAST } };
}

/**
 * server-lsp/settings.schema.json: the same schema as a file, for editors other than VS Code. The editor's
 * `fsconf` section also holds client keys (enable, files…), hence additionalProperties at its root.
 * @param {{ properties: Record<string, any> }} schema the server's SETTINGS_SCHEMA
 */
export function settingsSchemaFile(schema) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://fsconf.dev/schemas/server-settings.json',
    title: 'fsconf language server settings',
    description:
      "What fsconf-lsp reads from the editor's `fsconf` settings section (workspace/configuration, didChangeConfiguration or initializationOptions.settings). Same keys as .fsconf.yaml (core SETTINGS_KEYS); a .fsconf.yaml in the tree wins where both set a key.",
    ...schema,
    additionalProperties: true,
  };
}

/** Write a JSON file only when its text changes. */
function writeJson(file, value) {
  const text = JSON.stringify(value, null, 2) + '\n';
  if (text !== readFileSync(file, 'utf8')) writeFileSync(file, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkgFile = fileURLToPath(new URL('../package.json', import.meta.url));
  const { SETTINGS_SCHEMA } = await import(new URL('../../server-lsp/dist/settings-schema.js', import.meta.url).href);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  pkg.contributes.configuration = configuration(SETTINGS_SCHEMA);
  writeJson(pkgFile, pkg);
  writeJson(fileURLToPath(new URL('../../server-lsp/settings.schema.json', import.meta.url)), settingsSchemaFile(SETTINGS_SCHEMA));
}
