/**
 * The settings the server reads (workspace/configuration section `fsconf`, or initializationOptions.settings),
 * as a JSON schema: the same shape as `.fsconf.yaml`. Clients contribute these keys (client-vscode's
 * manifest is checked against this object); the keys are core's SETTINGS_KEYS.
 */
import { ALL_RULES, SEVERITY_SETTINGS as SEVERITIES } from '@fsconf/core';

const RULE_PROPERTIES: Record<string, { type: 'string'; enum: typeof SEVERITIES; description: string }> = Object.fromEntries(
  [...ALL_RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)).map((r) => [r.meta.id, { type: 'string', enum: SEVERITIES, description: `${r.meta.description} (default ${r.meta.severity})` }]),
);

export const SETTINGS_SCHEMA = {
  type: 'object',
  properties: {
    rules: {
      type: 'object',
      description: 'Rule severities by rule id (error, warning, info or off). .fsconf.yaml wins where both set a rule.',
      // one property per rule id: editors complete the ids and explain each (client-vscode/scripts/configuration.mjs generates the manifest from this)
      properties: RULE_PROPERTIES,
      additionalProperties: { type: 'string', enum: SEVERITIES },
    },
    profiles: {
      type: 'object',
      description: 'Name patterns that make a sofia profile internal or external (defaults internal* and external*).',
      properties: {
        internal: { type: 'array', items: { type: 'string' } },
        external: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    },
    passwords: {
      type: 'object',
      description: 'Password policy: minimum length (default 6) and strength 0-4 (default 3). A cti.json in the tree wins.',
      properties: {
        minimum: { type: 'integer', minimum: 1 },
        strength: { type: 'integer', minimum: 0, maximum: 4 },
      },
      additionalProperties: false,
    },
    known: {
      type: 'object',
      description: 'Third-party dialplan applications and modules not to report as unknown.',
      properties: {
        applications: { type: 'array', items: { type: 'string' } },
        modules: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    },
    localNet: {
      type: 'string',
      description: 'The switch\'s own address, "ip/bits" or "ip/mask": what localnet.auto and nat.auto are built from. Empty: unknown.',
    },
    freeswitch: {
      type: 'string',
      description: 'The FreeSWITCH version the switch runs: 1.10 (1.10.x), 1.11 or master. Empty: anything either version has is accepted.',
    },
    inlayHints: {
      type: 'object',
      description: 'Inlay hints per kind (default on): $${} values, AMR mode bitrates, read / play_and_get_digits argument names.',
      properties: {
        variables: { type: 'boolean' },
        bitrates: { type: 'boolean' },
        arguments: { type: 'boolean' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;
