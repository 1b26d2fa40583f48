/**
 * The settings the server reads (workspace/configuration section `fsconf`, or initializationOptions.settings),
 * as a JSON schema: the same shape as `.fsconf.yaml`, generated from core's one settings schema
 * (packages/core/src/settings-schema.ts). client-vscode/scripts/configuration.mjs makes the extension's
 * manifest from this object, and server-lsp/settings.schema.json is this object for other editors.
 */
import { settingsJsonSchema } from '@fsconf/core';

export const SETTINGS_SCHEMA = settingsJsonSchema();
