import { describe, expect, it } from 'vitest';
import { answerConfigurationItem, changeKind, clientSettings, serverSettings, userValue, type ConfigurationLike } from './settings.js';

/** A WorkspaceConfiguration as VS Code builds it: contributed defaults plus values set at some level. */
function config(user: Record<string, unknown>, level: 'globalValue' | 'workspaceValue' | 'workspaceFolderValue' = 'globalValue'): ConfigurationLike {
  const defaults: Record<string, unknown> = { enable: true, files: [], rules: {}, profiles: {}, passwords: {}, known: {}, 'trace.server': 'off' };
  return {
    get: <T>(k: string) => (k in user ? user[k] : defaults[k]) as T,
    inspect: <T>(k: string) => ({ defaultValue: defaults[k] as T, [level]: user[k] as T }),
  };
}

describe('settings forwarded to the server', () => {
  it('nothing set: nothing forwarded (a {} default must not hide .fsconf.yaml)', () => {
    expect(serverSettings(config({}))).toEqual({});
  });

  it('forwards exactly the server keys the user set, at any level', () => {
    const user = {
      rules: { 'dialplan/unknown-app': 'off' },
      profiles: { internal: ['lan*'] },
      passwords: { minimum: 10, strength: 4 },
      known: { applications: ['cti_robot'], modules: ['mod_cti'] },
      localNet: ' 192.168.1.10/24 ',
      enable: true,
      files: ['**/*.tmpl'],
    };
    for (const level of ['globalValue', 'workspaceValue', 'workspaceFolderValue'] as const) {
      expect(serverSettings(config(user, level))).toEqual({
        rules: { 'dialplan/unknown-app': 'off' },
        profiles: { internal: ['lan*'] },
        passwords: { minimum: 10, strength: 4 },
        known: { applications: ['cti_robot'], modules: ['mod_cti'] },
        localNet: '192.168.1.10/24',
      });
    }
  });

  it('drops empty objects and values that are not objects', () => {
    expect(serverSettings(config({ rules: {}, profiles: 'internal*', passwords: [6], known: null, localNet: '  ' }))).toEqual({});
  });

  it('the most specific level wins', () => {
    const c: ConfigurationLike = {
      get: () => undefined,
      inspect: <T>() => ({ globalValue: { minimum: 6 } as T, workspaceValue: { minimum: 8 } as T, workspaceFolderValue: { minimum: 12 } as T }),
    };
    expect(userValue(c, 'passwords')).toEqual({ minimum: 12 });
  });

  it('answers workspace/configuration for the fsconf section and its keys only', () => {
    const s = { rules: { 'sofia/legacy-tls': 'error' as const } };
    expect(answerConfigurationItem('fsconf', s)).toEqual(s);
    expect(answerConfigurationItem(undefined, s)).toEqual(s);
    expect(answerConfigurationItem('fsconf.rules', s)).toEqual(s.rules);
    expect(answerConfigurationItem('fsconf.known', s)).toBeNull();
    expect(answerConfigurationItem('fsconf.files', s)).toBeUndefined();
    expect(answerConfigurationItem('editor', s)).toBeUndefined();
  });
});

describe('client-only settings', () => {
  it('defaults', () => {
    expect(clientSettings(config({}))).toEqual({ enable: true, files: [], trace: 'off' });
  });
  it('enable off, files cleaned, trace', () => {
    expect(clientSettings(config({ enable: false, files: ['a/*.xml', '', 3], 'trace.server': 'verbose' }))).toEqual({
      enable: false,
      files: ['a/*.xml'],
      trace: 'verbose',
    });
  });
  it('which changes restart the client and which are re-sent', () => {
    const affects =
      (...keys: string[]) =>
      (s: string) =>
        keys.some((k) => k === s || k.startsWith(s + '.'));
    expect(changeKind(affects('fsconf.enable'))).toBe('restart');
    expect(changeKind(affects('fsconf.files'))).toBe('restart');
    expect(changeKind(affects('fsconf.rules'))).toBe('resend');
    expect(changeKind(affects('fsconf.passwords'))).toBe('resend');
    expect(changeKind(affects('fsconf.trace.server'))).toBe('none');
    expect(changeKind(affects('editor.fontSize'))).toBe('none');
  });
});
