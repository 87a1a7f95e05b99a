export { type NewService, scaffoldService } from './scaffold.ts';
export { type ServiceFacts, specFiles } from './spec-skeleton.ts';
export { clientManifest, clientTsconfig } from './templates.ts';
