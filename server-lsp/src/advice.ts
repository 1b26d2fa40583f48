/**
 * Advice worded for the client the server talks to. The engine words advice for the command line and
 * `.fsconf.yaml` ("pass --local-net", "add it to known.applications in .fsconf.yaml"); inside VS Code
 * the same knob is a setting (`fsconf.localNet`, `fsconf.known`), and other editors have no flags to pass.
 */
export type ClientKind = 'vscode' | 'other';

/** VS Code's own extension says so in initializationOptions; other VS Code forks are known by clientInfo. */
export function clientKind(clientName: string | undefined, declared: unknown): ClientKind {
  if (declared === 'vscode') return 'vscode';
  if (typeof declared === 'string' && declared) return 'other';
  return /visual studio code|vscodium|code-server|code - oss|cursor|windsurf/i.test(clientName ?? '') ? 'vscode' : 'other';
}

const REWRITES: Record<ClientKind, [RegExp, string][]> = {
  vscode: [
    [/pass --local-net(?: ip\/mask)?/g, 'set the fsconf.localNet setting'],
    [/set localNet in \.fsconf\.yaml/g, 'set the fsconf.localNet setting'],
    [/add it to known\.(applications|modules) in \.fsconf\.yaml/g, 'add it to the fsconf.known setting ($1)'],
  ],
  other: [[/pass --local-net(?: ip\/mask)?/g, 'set localNet in .fsconf.yaml']],
};

export function advise(text: string, kind: ClientKind): string {
  let out = text;
  for (const [re, to] of REWRITES[kind]) out = out.replace(re, to);
  return out;
}
