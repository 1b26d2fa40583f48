/** `fsconf.route`: simulate a call (the Route dialog). */
import type { RouteArgs, RouteCallResult } from '@fsconf/server-lsp/protocol';
import type { FsconfClient } from './types.js';

export const route = (c: FsconfClient, args: RouteArgs) => c.executeCommand<RouteCallResult>('fsconf.route', [args]);
