/** Provider registration: one line per provider. */
import { completionProviders, definitionProviders, hoverProviders, referencesProviders } from './providers.js';
import { preprocessHover, preprocessDefinition, preprocessReferences, preprocessCompletion } from './preprocess-provider.js';

hoverProviders.push(preprocessHover);
definitionProviders.push(preprocessDefinition);
referencesProviders.push(preprocessReferences);
completionProviders.push(preprocessCompletion);
import { aclHover, aclDefinition, aclReferencesProvider, aclCompletion } from './acl-provider.js';
hoverProviders.push(aclHover);
definitionProviders.push(aclDefinition);
referencesProviders.push(aclReferencesProvider);
completionProviders.push(aclCompletion);
import { kbHover, kbCompletion } from './kb-provider.js';
hoverProviders.push(kbHover);
completionProviders.push(kbCompletion);
import { dialplanHover, dialplanDefinition, dialplanReferences } from './dialplan-provider.js';
hoverProviders.push(dialplanHover);
definitionProviders.push(dialplanDefinition);
referencesProviders.push(dialplanReferences);
import { routeHover } from './route-provider.js';
// first: it answers only on a <context> name or a profile's context value, and includes the KB's text there
hoverProviders.unshift(routeHover);
