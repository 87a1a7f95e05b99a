// The demo key pair, kept apart from the signature code so the CLI can print it cheaply.

/** The key pair the mock accepts by default. Public test data: it only works against this mock. */
export const MOCK_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKLTmockaccesskey',
  secretAccessKey: 'mock-secret-key',
});

/**
 * Regions accepted in a credential scope besides each service's own `signing.region`: the official
 * SDKs default to cn-north-1 and sign every service's calls for it.
 */
export const DEFAULT_EXTRA_REGIONS: readonly string[] = Object.freeze(['cn-north-1']);
