#!/usr/bin/env node
/**
 * Copy the server's `rules` setting schema (one property per rule id, server-lsp/src/settings-schema.ts)
 * into this extension's package.json, so VS Code completes and explains rule ids in `fsconf.rules`.
 * Run after adding a rule (a manifest test fails until then):  node client-vscode/scripts/rule-schema.mjs
 * Needs the build (server-lsp/dist).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgFile = fileURLToPath(new URL('../package.json', import.meta.url));
const { SETTINGS_SCHEMA } = await import(new URL('../../server-lsp/dist/settings-schema.js', import.meta.url).href);
const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
const rules = pkg.contributes.configuration.properties['fsconf.rules'];
rules.properties = SETTINGS_SCHEMA.properties.rules.properties;
const text = JSON.stringify(pkg, null, 2) + '\n';
if (text !== readFileSync(pkgFile, 'utf8')) writeFileSync(pkgFile, text);
