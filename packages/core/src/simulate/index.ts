// The call simulator and the exposure analysis (pure, no I/O).
export { simulateCall } from './call.js';
export { bridgeWhere } from './bridge.js';
export { RouteInputError } from './types.js';
export type { RouteInput, RouteResult } from './types.js';
export { exposureOf, STRANGER, type ProfileExposure } from './exposure.js';
