/** The dispatch, the descriptors and the advertised commands are one set; arguments are checked before a handler runs. */
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { COMMAND, COMMAND_NAMES } from '../protocol.js';
import { DISPATCHED, HANDLERS, runCommand, type CommandHost } from './index.js';
import { FsconfServer } from '../server.js';

describe('commands', () => {
  it('dispatches exactly the commands COMMAND_NAMES lists, and the server advertises the same', () => {
    const server = new FsconfServer({} as Connection, { version: 'test' });
    const advertised = server.onInitialize({ processId: null, rootUri: null, capabilities: {} }).capabilities.executeCommandProvider?.commands;
    expect(new Set(DISPATCHED)).toEqual(new Set(COMMAND_NAMES));
    expect(new Set(advertised)).toEqual(new Set(COMMAND_NAMES));
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(COMMAND).sort());
    expect(COMMAND_NAMES.length).toBe(new Set(COMMAND_NAMES).size);
    for (const name of COMMAND_NAMES) expect(name).toMatch(/^fsconf\.[a-zA-Z]+$/);
  });

  // a host no handler may reach: a malformed argument is refused before any handler runs
  const host = new Proxy(
    {},
    {
      get: () => {
        throw new Error('handler ran');
      },
    },
  ) as CommandHost;
  const invalid = (command: string, arg: unknown) => {
    try {
      runCommand(host, command, [arg]);
    } catch (e) {
      return e instanceof ResponseError && e.code === ErrorCodes.InvalidParams ? e.message : `other: ${String(e)}`;
    }
    return 'accepted';
  };

  it('refuses malformed arguments with InvalidParams and the usage', () => {
    expect(invalid(COMMAND.aclTest.name, { ip: 42, list: 'lan' })).toBe(COMMAND.aclTest.usage);
    expect(invalid(COMMAND.aclTest.name, { ip: '1.2.3.4', list: 'lan', port: '5060' })).toBe(COMMAND.aclTest.usage);
    expect(invalid(COMMAND.applyEdit.name, {})).toBe(COMMAND.applyEdit.usage);
    expect(invalid(COMMAND.saveDocument.name, { uri: 1 })).toBe(COMMAND.saveDocument.usage);
    expect(invalid(COMMAND.secretRanges.name, { uri: 'file:///a.xml', text: 3 })).toBe(COMMAND.secretRanges.usage);
    expect(invalid(COMMAND.route.name, { profile: 'internal', from: '1', to: '2', vars: { a: 1 } })).toBe(COMMAND.route.usage);
    expect(invalid(COMMAND.structuralEdit.name, { edit: { target: {} } })).toBe(COMMAND.structuralEdit.usage);
    expect(invalid(COMMAND.treeInfo.name, 'file:///a.xml')).toBe(COMMAND.treeInfo.usage);
    expect(invalid('fsconf.nope', {})).toBe('unknown command fsconf.nope');
  });

  it('passes a well-formed argument on to the handler', () => {
    expect(invalid(COMMAND.aclTest.name, { ip: '1.2.3.4', list: 'lan', port: 5060 })).toMatch(/handler ran/);
    expect(invalid(COMMAND.route.name, { profile: 'internal', from: '1', to: '2' })).toMatch(/handler ran/);
  });
});
