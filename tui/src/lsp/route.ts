/** `fsconf.route`: simulate a call (the Route dialog). */
import { COMMAND, type RouteArgs } from '@fsconf/server-lsp/protocol';
import type { FsconfClient } from './types.js';
import { run } from './commands.js';

export const route = (c: FsconfClient, args: RouteArgs) => run(c, COMMAND.route, args);
