/** Provider registration: one line per provider. */
import { completionProviders, definitionProviders, hoverProviders, referencesProviders } from './providers.js';
import { preprocessHover, preprocessDefinition, preprocessReferences, preprocessCompletion } from './preprocess-provider.js';

hoverProviders.push(preprocessHover);
definitionProviders.push(preprocessDefinition);
referencesProviders.push(preprocessReferences);
completionProviders.push(preprocessCompletion);
