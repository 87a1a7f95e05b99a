// Operation previews: a small static page per operation that the site shows the moment a deep link
// (`#/<tag>/<operationid>`) opens, while Redoc is still starting (about 2–3 s for its 2 MB bundle on a
// modest machine). The preview holds what a reader came for — the request line, the facts, the
// parameters and the error codes — and steps aside as soon as Redoc has drawn the same operation.
// Everything here is plain HTML built from the spec; the small script that shows and removes it is
// PREVIEW_SCRIPT below, and `injectPreviews` puts both into the page Redocly built, where its template
// left a placeholder (after the build, so that Redocly's Handlebars never has to read megabytes of
// previews: at 5,000 Actions that alone took seconds).

import {
  deref,
  isObject,
  type JsonObject,
  type Operation,
  type SigningTarget,
} from '@volc-openapi/spec-model';
import { wireRequest } from './samples.ts';

/** The ids of the preview panel and of its data in the built page (tests find them by these). */
export const PREVIEW_PANEL_ID = 'rpc-preview';
export const PREVIEWS_DATA_ID = 'rpc-previews';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const html = (text: unknown) => String(text ?? '').replace(/[&<>"]/g, (char) => ESCAPES[char] as string);

/** Markdown in descriptions is shown as plain text: the first paragraph, code ticks dropped. */
const plainText = (markdown: unknown) =>
  String(markdown ?? '')
    .split(/\n\s*\n/)[0]
    ?.replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim() ?? '';

interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

function typeName(spec: JsonObject, node: unknown): string {
  if (isObject(node) && typeof node.$ref === 'string') return node.$ref.split('/').pop() ?? 'object';
  const schema = deref(spec, node);
  if (schema.type === 'array') return `${typeName(spec, schema.items)}[]`;
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return 'object';
}

/** The request's fields: query parameters of a GET or a body-less POST, else the body schema's properties. */
function requestFields(spec: JsonObject, node: JsonObject): Field[] {
  const parameters = (Array.isArray(node.parameters) ? node.parameters : [])
    .map((parameter) => deref(spec, parameter))
    .filter((parameter) => parameter.in === 'query');
  if (parameters.length) {
    return parameters.map((parameter) => ({
      name: String(parameter.name),
      type: typeName(spec, parameter.schema),
      required: parameter.required === true,
      description: plainText(parameter.description ?? deref(spec, parameter.schema).description),
    }));
  }
  const content = isObject(node.requestBody) ? deref(spec, node.requestBody).content : undefined;
  const media = isObject(content) ? Object.values(content)[0] : undefined;
  const schema = isObject(media) && media.schema !== undefined ? deref(spec, media.schema) : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(isObject(schema.properties) ? schema.properties : {}).map(([name, property]) => ({
    name,
    type: typeName(spec, property),
    required: required.has(name),
    description: plainText(deref(spec, property).description),
  }));
}

/** One operation's preview, as an HTML fragment. */
export function renderPreview(
  spec: JsonObject,
  node: JsonObject,
  operation: Operation,
  signing: SigningTarget,
): string {
  const request = wireRequest(operation, signing);
  const head = [`${operation.method} ${operation.pathKey}`, `Host: ${request.host}`];
  if (request.contentType) head.push(`Content-Type: ${request.contentType.replace(/;.*/, '')}`);
  const facts: [string, string][] = [
    ['Action / Version', `<code>${html(operation.action)}</code> / <code>${html(operation.version)}</code>`],
    ['Idempotent', operation.idempotent ? 'yes' : 'no'],
  ];
  if (operation.titleZh) facts.push(['Vendor title (中文)', html(operation.titleZh)]);
  const out = [
    '<p class="rpc-preview-status" role="status">Loading the interactive reference…</p>',
    `<h1>${html(operation.summary)}</h1>`,
  ];
  if (operation.deprecated) {
    out.push(
      `<p class="rpc-preview-deprecated"><strong>Deprecated.</strong>${operation.replacedBy ? ` Use <code>${html(operation.replacedBy)}</code> instead.` : ''}</p>`,
    );
  }
  out.push(`<pre>${html(head.join('\n'))}</pre>`);
  out.push(`<dl>${facts.map(([term, value]) => `<dt>${html(term)}</dt><dd>${value}</dd>`).join('')}</dl>`);
  if (operation.description) out.push(`<p>${html(plainText(operation.description))}</p>`);
  const fields = requestFields(spec, node);
  if (fields.length) {
    out.push(
      '<h2>Request</h2><table><thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>',
      ...fields.map(
        (field) =>
          `<tr><td><code>${html(field.name)}</code></td><td>${html(field.type)}</td><td>${field.required ? 'yes' : 'no'}</td><td>${html(field.description)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  if (operation.errors.length) {
    out.push(
      '<h2>Error codes</h2><table><thead><tr><th>Code</th><th>HTTP</th><th>Meaning</th></tr></thead><tbody>',
      ...operation.errors.map(
        (error) =>
          `<tr><td><code>${html(error.code)}</code></td><td>${error.status === 200 ? '200 (error in the body)' : error.status}</td><td>${html(error.summary)}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  return out.join('');
}

/**
 * Shows the preview of the operation the URL's hash names, then removes it once Redoc has drawn that
 * operation in the viewport, or as soon as the reader goes elsewhere. Plain ES2017, no dependencies;
 * it runs inline before Redoc's bundle is even parsed.
 */
export const PREVIEW_SCRIPT = `(function () {
  var panel = document.getElementById('rpc-preview');
  var data = document.getElementById('rpc-previews');
  if (!panel || !data) return;
  var id = decodeURIComponent(location.hash.replace(/^#\\/?/, ''));
  var previews = JSON.parse(data.textContent || '{}');
  if (!Object.prototype.hasOwnProperty.call(previews, id)) return panel.remove();
  panel.innerHTML = previews[id];
  panel.hidden = false;
  var done = function () {
    panel.remove();
    window.removeEventListener('hashchange', done);
  };
  window.addEventListener('hashchange', done);
  var watch = function () {
    if (!panel.isConnected) return;
    var drawn = document.getElementById(id);
    var box = drawn && drawn.getBoundingClientRect();
    if (box && box.height > 0 && box.top < window.innerHeight && box.bottom > 0) done();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();`;

/** The preview panel's look: over Redoc's content column, in Redoc's own fonts and colours when loaded. */
const PREVIEW_STYLE = `#rpc-preview{position:fixed;top:0;bottom:0;right:0;left:var(--sidebar-width,285px);z-index:10;overflow:auto;box-sizing:border-box;padding:32px 40px;background:#fff;color:#22242b;font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
#rpc-preview[hidden]{display:none}
@media (max-width:900px){#rpc-preview{left:0}}
#rpc-preview h1{font-size:28px;margin:8px 0 16px}
#rpc-preview h2{font-size:20px;margin:28px 0 8px}
#rpc-preview pre{background:#f4f5f7;padding:12px 16px;border-radius:6px;overflow:auto}
#rpc-preview code,#rpc-preview pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
#rpc-preview dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
#rpc-preview dt{font-weight:600}
#rpc-preview dd{margin:0}
#rpc-preview table{border-collapse:collapse;width:100%}
#rpc-preview th,#rpc-preview td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #e4e5e9}
.rpc-preview-status{color:#6b6f7b;font-size:13px;margin:0}
.rpc-preview-deprecated{background:#fff4e5;padding:8px 12px;border-radius:6px}
html.dark #rpc-preview{background:#1b1c21;color:#e3e4e8}
html.dark #rpc-preview pre{background:#2a2c33}
html.dark .rpc-preview-deprecated{background:#3a2e1c}`;

/** Where `injectPreviews` puts the previews: the page (from the template) must hold this line once, first in <body>. */
export const PREVIEW_PLACEHOLDER = '<!-- operation previews -->';

/**
 * What goes in place of the placeholder: the panel, its style and script, and the previews as JSON in a
 * non-executed script element. Inside it only `</` (which could close the element) and `<!--` (which
 * could start a comment-like state) are escaped, as JSON allows (`<\/`, `\u003c!--`): escaping every
 * `<` would make HTML previews half as large again.
 */
export function renderPreviewBlock(previews: Record<string, string>): string {
  const json = JSON.stringify(previews).replaceAll('</', '<\\/').replaceAll('<!--', '\\u003c!--');
  return [
    `<style>${PREVIEW_STYLE}</style>`,
    '<div id="rpc-preview" hidden></div>',
    `<script type="application/json" id="rpc-previews">${json}</script>`,
    `<script>${PREVIEW_SCRIPT}</script>`,
  ].join('\n');
}

/** The built page with the preview block in place of its placeholder; `where` names the page in errors. */
export function injectPreviews(page: string, block: string, where = 'the page'): string {
  const at = page.indexOf(PREVIEW_PLACEHOLDER);
  if (at < 0 || page.indexOf(PREVIEW_PLACEHOLDER, at + 1) >= 0) {
    throw new Error(
      `${where} must contain the line "${PREVIEW_PLACEHOLDER}" exactly once, where the operation previews go (found ${at < 0 ? 0 : 'more than one'})`,
    );
  }
  return page.slice(0, at) + block + page.slice(at + PREVIEW_PLACEHOLDER.length);
}
