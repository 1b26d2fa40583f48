/** Types of configuration.mjs for the manifest test. */
export function configuration(schema: { properties: Record<string, unknown> }): { title: string; properties: Record<string, unknown> };
export function settingsSchemaFile(schema: { properties: Record<string, unknown> }): Record<string, unknown>;
