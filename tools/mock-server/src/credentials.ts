// The demo key pair, kept apart from the signature code so the CLI can print it cheaply.

/** The key pair the mock accepts by default. Public test data: it only works against this mock. */
export const MOCK_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKLTmockaccesskey',
  secretAccessKey: 'mock-secret-key',
});
