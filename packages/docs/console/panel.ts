// The console panel: a "Try <Action>" button for the operation the URL names, and beside Redoc's page a
// panel to edit the request (JSON, validated first), choose the endpoint, give an AccessKey pair, send
// the signed request and read the answer, or copy it as curl. It lives outside Redoc's React tree, so
// it works from the moment the page is parsed. The keys live only in their input fields: nothing here
// writes them to storage, the URL, the console or any other element.
import type { ConsoleOperation, ConsoleService } from '@volc-openapi/codegen';
import type { Credentials } from '@volc-openapi/signer';
import { curlCommand } from './curl.ts';
import { type Answer, send, signed } from './exchange.ts';
import { checkInput, type Validator } from './validate.ts';
import { type WireRequest, wireRequest } from './wire.ts';

const STYLE = `#rpc-console-launcher{position:fixed;right:24px;bottom:24px;z-index:30;padding:10px 18px;border:0;border-radius:20px;background:#0b63c5;color:#fff;font:600 14px/1 system-ui,sans-serif;box-shadow:0 2px 8px #0004;cursor:pointer}
#rpc-console{position:fixed;top:0;right:0;bottom:0;width:min(520px,100vw);z-index:31;overflow:auto;box-sizing:border-box;padding:16px 20px;background:#fff;color:#22242b;border-left:1px solid #d5d7dd;box-shadow:-4px 0 16px #0002;font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
#rpc-console[hidden],#rpc-console-launcher[hidden],#rpc-console [hidden]{display:none}
#rpc-console header{display:flex;justify-content:space-between;align-items:center}
#rpc-console h2{font-size:18px;margin:0}#rpc-console h3{font-size:14px;margin:14px 0 4px}
#rpc-console label{display:block;margin:8px 0 2px;font-weight:600}
#rpc-console input,#rpc-console textarea{box-sizing:border-box;width:100%;padding:6px 8px;border:1px solid #c4c7cf;border-radius:4px;font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
#rpc-console textarea{min-height:180px;resize:vertical}
#rpc-console fieldset{border:1px solid #e4e5e9;border-radius:6px;margin:10px 0;padding:4px 10px 10px}
#rpc-console button{margin:10px 8px 0 0;padding:6px 14px;border:1px solid #0b63c5;border-radius:4px;background:#fff;color:#0b63c5;font:600 13px system-ui,sans-serif;cursor:pointer}
#rpc-console button.primary{background:#0b63c5;color:#fff}
#rpc-console pre{background:#f4f5f7;padding:8px 10px;border-radius:4px;overflow:auto;white-space:pre-wrap;word-break:break-all;font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
#rpc-console .note{color:#6b6f7b;font-size:12px;margin:4px 0}
#rpc-console [role=alert]:not(:empty){color:#b3261e;font-weight:600}
tr[data-console-highlight]{outline:3px solid #f0a500}`;

type Attributes = Record<string, string>;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The request as the reader should see it: the session token is a credential, so it is not shown. */
function requestText(request: WireRequest): string {
  const headers = Object.entries(request.headers).map(
    ([name, value]) =>
      `${name}: ${name.toLowerCase() === 'x-security-token' ? '(session token, not shown)' : value}`,
  );
  const body = request.body ? `\n\n${new TextDecoder().decode(request.body)}` : '';
  return `${request.method} ${request.url}\n${headers.join('\n')}${body}`;
}

/** Scrolls to the row of `code` in the operation's error table once Redoc has drawn it, and marks it. */
function showErrorRow(operation: ConsoleOperation, code: string): void {
  if (location.hash !== `#/${operation.sectionId}`) location.hash = `#/${operation.sectionId}`;
  const started = performance.now();
  const find = () => {
    const rows = document.getElementById(operation.sectionId)?.querySelectorAll('tr') ?? [];
    const row = [...rows].find((candidate) => candidate.cells[0]?.textContent?.trim() === code);
    if (row) {
      for (const marked of document.querySelectorAll('tr[data-console-highlight]'))
        marked.removeAttribute('data-console-highlight');
      row.setAttribute('data-console-highlight', '');
      row.scrollIntoView({ block: 'center' });
    } else if (performance.now() - started < 15_000) requestAnimationFrame(find);
  };
  find();
}

/** The operation the URL's hash names, if any. */
export function linkedOperation(service: ConsoleService): ConsoleOperation | undefined {
  const section = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  return service.operations.find((operation) => operation.sectionId === section);
}

export function mountConsole(
  service: ConsoleService,
  validators: Record<string, Validator>,
  mockEndpoint: Promise<string | undefined>,
): void {
  let current: ConsoleOperation | undefined;

  const launcher = element('button', { id: 'rpc-console-launcher', type: 'button' });
  launcher.hidden = true;
  const title = element('h2');
  const close = element(
    'button',
    { type: 'button', 'data-testid': 'try-it-close', 'aria-label': 'Close' },
    '×',
  );
  const line = element('pre', { 'data-testid': 'try-it-line' });
  const endpoints = element('datalist', { id: 'rpc-console-endpoints' });
  const endpoint = element('input', {
    id: 'rpc-console-endpoint',
    type: 'url',
    list: endpoints.id,
    'data-testid': 'try-it-endpoint',
    spellcheck: 'false',
  });
  endpoint.value = service.endpoint;
  const field = (label: string, input: HTMLInputElement | HTMLTextAreaElement) => {
    input.id = `rpc-console-${input.dataset.testid}`;
    return [element('label', { for: input.id }, label), input];
  };
  const accessKey = element('input', {
    'data-testid': 'try-it-access-key',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const secretKey = element('input', {
    type: 'password',
    'data-testid': 'try-it-secret-key',
    autocomplete: 'new-password',
  });
  const sessionToken = element('input', {
    type: 'password',
    'data-testid': 'try-it-session-token',
    autocomplete: 'new-password',
  });
  const clear = element('button', { type: 'button', 'data-testid': 'try-it-clear' }, 'Clear keys');
  const keys = element(
    'fieldset',
    {},
    element('legend', {}, 'AccessKey pair'),
    element('p', { class: 'note' }, 'Kept in this page’s memory only: never stored, logged or put in a URL.'),
    ...field('AccessKeyId', accessKey),
    ...field('SecretAccessKey', secretKey),
    ...field('Session token (temporary keys only)', sessionToken),
    clear,
  );
  const unsigned = element(
    'p',
    { class: 'note' },
    'This Action is sent unsigned: its spec declares no signature.',
  );
  const body = element('textarea', { 'data-testid': 'try-it-body', spellcheck: 'false' });
  const sendButton = element(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'try-it-send' },
    'Send',
  );
  const curlButton = element('button', { type: 'button', 'data-testid': 'try-it-curl' }, 'Copy as curl');
  const reset = element(
    'button',
    { type: 'button', 'data-testid': 'try-it-example' },
    'Reset to the example',
  );
  const problem = element('p', { role: 'alert', 'data-testid': 'try-it-validation' });
  const curl = element('pre', { 'data-testid': 'try-it-curl-command' });
  curl.hidden = true;
  const answer = element('section', { 'data-testid': 'try-it-response', 'aria-live': 'polite' });
  const panel = element(
    'aside',
    { id: 'rpc-console', 'aria-label': 'Try this Action' },
    element('header', {}, title, close),
    line,
    ...field('Endpoint', endpoint),
    endpoints,
    keys,
    unsigned,
    ...field('Request (JSON: the body, or the query parameters)', body),
    sendButton,
    curlButton,
    reset,
    problem,
    curl,
    answer,
  );
  panel.hidden = true;
  document.head.append(element('style', {}, STYLE));
  document.body.append(launcher, panel);

  endpoints.append(element('option', { value: service.endpoint }, 'the service'));
  void mockEndpoint.then((mock) => {
    if (!mock) return;
    endpoints.prepend(element('option', { value: mock }, 'local mock'));
    // The mock is the default while the reader has not chosen another endpoint.
    if (endpoint.value === service.endpoint) endpoint.value = mock;
  });

  const open = (operation: ConsoleOperation) => {
    if (current !== operation) {
      current = operation;
      title.textContent = `Try ${operation.action}`;
      line.textContent = `${operation.method} ${operation.pathKey}`;
      body.value = JSON.stringify(operation.example, null, 2);
      keys.hidden = !operation.signed;
      unsigned.hidden = operation.signed;
      problem.textContent = '';
      curl.hidden = true;
      answer.replaceChildren();
    }
    panel.hidden = false;
    // The panel covers the launcher's corner; the launcher comes back when the panel closes.
    launcher.hidden = true;
  };

  const follow = () => {
    const operation = linkedOperation(service);
    launcher.hidden = !operation || !panel.hidden;
    if (!operation) return;
    launcher.dataset.testid = `try-it-${operation.action}`;
    launcher.textContent = `Try ${operation.action}`;
    if (!panel.hidden) open(operation);
  };
  window.addEventListener('hashchange', follow);
  follow();

  const refuse = (name: string, why: string) => {
    problem.replaceChildren('Not sent: ', element('code', {}, name), ` ${why}`);
  };

  const credentials = (): Credentials | undefined | false => {
    if (!current?.signed) return undefined;
    if (!accessKey.value || !secretKey.value) {
      refuse('AccessKey', 'enter an AccessKeyId and its SecretAccessKey');
      return false;
    }
    return {
      accessKeyId: accessKey.value.trim(),
      secretAccessKey: secretKey.value,
      ...(sessionToken.value ? { sessionToken: sessionToken.value } : {}),
    };
  };

  /** The request for the current input, or undefined (with the problem shown) when it must not be sent. */
  const prepare = async (): Promise<WireRequest | undefined> => {
    problem.textContent = '';
    if (!current) return undefined;
    let base: URL;
    try {
      base = new URL(endpoint.value.trim());
      if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(base.protocol);
    } catch {
      refuse('Endpoint', 'must be an http:// or https:// URL');
      return undefined;
    }
    const validate = validators[current.operationId];
    if (!validate) throw new Error(`no validator for ${current.operationId}`);
    const checked = checkInput(body.value, validate);
    if (!checked.ok) {
      refuse(checked.field, checked.problem);
      return undefined;
    }
    return wireRequest(current, base.href, checked.input);
  };

  const show = (operation: ConsoleOperation, request: WireRequest, result: Answer) => {
    const parts: (Node | string)[] = [
      element('h3', {}, 'Request sent'),
      element('pre', { 'data-testid': 'try-it-request' }, requestText(request)),
      element('h3', {}, 'Response'),
      element('p', { 'data-testid': 'try-it-status' }, `HTTP ${result.status} ${result.statusText}`),
    ];
    if (result.requestId)
      parts.push(
        element(
          'p',
          {},
          'RequestId ',
          element('code', { 'data-testid': 'try-it-request-id' }, result.requestId),
        ),
      );
    if (result.errorCode) {
      const code = result.errorCode;
      if (operation.errors.includes(code)) {
        const link = element(
          'a',
          { href: `#/${operation.sectionId}`, 'data-testid': 'try-it-error-code' },
          code,
        );
        link.addEventListener('click', (event) => {
          event.preventDefault();
          showErrorRow(operation, code);
        });
        parts.push(element('p', {}, 'Error ', link, ' (see its row in the error table)'));
      } else
        parts.push(
          element(
            'p',
            {},
            'Error ',
            element('code', { 'data-testid': 'try-it-error-code' }, code),
            ' (not in this Action’s error table)',
          ),
        );
    }
    parts.push(element('pre', { 'data-testid': 'try-it-response-body' }, result.text));
    answer.replaceChildren(...parts);
  };

  launcher.addEventListener('click', () => {
    const operation = linkedOperation(service);
    if (operation) open(operation);
  });
  close.addEventListener('click', () => {
    panel.hidden = true;
    follow();
  });
  clear.addEventListener('click', () => {
    accessKey.value = '';
    secretKey.value = '';
    sessionToken.value = '';
  });
  reset.addEventListener('click', () => {
    if (current) body.value = JSON.stringify(current.example, null, 2);
  });
  sendButton.addEventListener('click', async () => {
    const operation = current;
    const request = await prepare();
    const keyPair = request && credentials();
    if (!operation || !request || keyPair === false) return;
    sendButton.disabled = true;
    answer.replaceChildren(element('p', { class: 'note' }, 'Sending…'));
    try {
      const ready = keyPair ? await signed(request, service, keyPair) : request;
      show(operation, ready, await send(ready));
    } catch (error) {
      // fetch rejects without details for network and CORS failures; the reason is the same for both.
      answer.replaceChildren(
        element(
          'p',
          { role: 'alert' },
          `No answer: ${(error as Error).message}. Is the endpoint reachable, and does it allow calls from this page (CORS)?`,
        ),
      );
    } finally {
      sendButton.disabled = false;
    }
  });
  curlButton.addEventListener('click', async () => {
    const request = await prepare();
    const keyPair = request && credentials();
    if (!request || keyPair === false) return;
    curl.textContent = await curlCommand(request, service, keyPair);
    curl.hidden = false;
    // The clipboard may be unavailable (permissions, insecure origin): the command is shown either way.
    await navigator.clipboard?.writeText(curl.textContent).catch(() => undefined);
  });
}
