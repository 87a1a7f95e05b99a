// Search across services on the landing page: an index of every operation of every built service
// (Action, Chinese title, summary, parameter names, deep link), built from the models, and a small
// inline script that filters it as the reader types and links each hit to its operation's deep link.
import { operationLink } from '@volc-openapi/codegen';
import type { Operation } from '@volc-openapi/spec-model';

export interface SearchEntry {
  /** The service's title, e.g. `Volcengine VMS`. */
  service: string;
  action: string;
  titleZh?: string;
  summary: string;
  /** Query parameter and top-level body field names. */
  parameters: string[];
  /** From the landing page: `<name>/index.html#/<tag>/<operationid>`. */
  link: string;
}

export function searchEntries(
  service: { title: string; link: string },
  operations: Operation[],
): SearchEntry[] {
  return operations.map((operation) => ({
    service: service.title,
    action: operation.action,
    ...(operation.titleZh ? { titleZh: operation.titleZh } : {}),
    summary: operation.summary,
    parameters: [
      ...new Set([...operation.query, ...(operation.body?.fields ?? [])].map((field) => field.name)),
    ],
    link: `${service.link}${operationLink(operation)}`,
  }));
}

/**
 * Filters the index (element `search-index`) by the box `search`, best matches first: the Action name
 * (exact, then its start, then anywhere), then the Chinese title or summary, then a parameter name.
 * Plain ES2017, no dependencies.
 */
export const SEARCH_SCRIPT = `(function () {
  var box = document.getElementById('search');
  var list = document.getElementById('search-results');
  var index = JSON.parse(document.getElementById('search-index').textContent || '[]');
  var LIMIT = 50;
  function rank(entry, query) {
    var action = entry.action.toLowerCase();
    if (action === query) return { score: 0 };
    if (action.indexOf(query) === 0) return { score: 1 };
    if (action.indexOf(query) >= 0) return { score: 2 };
    if ((entry.titleZh || '').toLowerCase().indexOf(query) >= 0) return { score: 3 };
    if (entry.summary.toLowerCase().indexOf(query) >= 0) return { score: 4 };
    for (var i = 0; i < entry.parameters.length; i++)
      if (entry.parameters[i].toLowerCase().indexOf(query) >= 0) return { score: 5, parameter: entry.parameters[i] };
    return null;
  }
  function item(entry, parameter) {
    var li = document.createElement('li');
    var link = document.createElement('a');
    link.href = entry.link;
    link.textContent = entry.action;
    li.appendChild(link);
    if (entry.titleZh) {
      var zh = document.createElement('span');
      zh.lang = 'zh';
      zh.textContent = ' ' + entry.titleZh;
      li.appendChild(zh);
    }
    li.appendChild(document.createTextNode(' — ' + entry.summary + ' (' + entry.service + ')'));
    if (parameter) {
      var code = document.createElement('code');
      code.textContent = parameter;
      li.appendChild(document.createTextNode(' · parameter '));
      li.appendChild(code);
    }
    return li;
  }
  function update() {
    var query = box.value.trim().toLowerCase();
    list.textContent = '';
    if (!query) return;
    var hits = [];
    index.forEach(function (entry, order) {
      var found = rank(entry, query);
      if (found) hits.push({ entry: entry, found: found, order: order });
    });
    hits.sort(function (a, b) { return a.found.score - b.found.score || a.order - b.order; });
    hits.slice(0, LIMIT).forEach(function (hit) { list.appendChild(item(hit.entry, hit.found.parameter)); });
    var note = document.createElement('li');
    note.className = 'note';
    note.textContent = hits.length === 0 ? 'No Action matches.' : hits.length > LIMIT ? (hits.length - LIMIT) + ' more: type more of the name.' : '';
    if (note.textContent) list.appendChild(note);
  }
  box.addEventListener('input', update);
  update();
})();`;
