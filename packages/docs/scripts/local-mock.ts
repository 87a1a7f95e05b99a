// The landing page's note on the local mock. `pnpm start` publishes the mock's URL next to the pages
// (MOCK_ENDPOINT_FILE) and prints only the landing page's URL; where the URL is published, this note
// shows it, so that the one printed URL leads to the mock as well. Elsewhere (another static server,
// file://) the note stays hidden.
import { MOCK_ENDPOINT_FILE } from '../console/ids.ts';

/** The note's element id (also its `data-testid`). */
export const LOCAL_MOCK_ID = 'site-local-mock';

const NOTE_SCRIPT = `(function () {
  var note = document.getElementById('${LOCAL_MOCK_ID}');
  if (!note || (location.protocol !== 'http:' && location.protocol !== 'https:')) return;
  fetch('${MOCK_ENDPOINT_FILE}')
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (published) {
      if (typeof published.endpoint !== 'string') return;
      note.querySelector('code').textContent = published.endpoint;
      note.hidden = false;
    })
    .catch(function () {});
})();`;

/** The hidden note and the script that shows it with the published mock URL. */
export function localMockNote(): string {
  return `<p id="${LOCAL_MOCK_ID}" data-testid="${LOCAL_MOCK_ID}" class="note" hidden>Local mock of every service: <code></code>. Each operation's <strong>Try</strong> button signs its call in the page and sends it there by default, with the demo keys <code>pnpm start</code> printed; <code>pnpm start --examples</code> also prints a ready-to-run call per service.</p>
    <script>${NOTE_SCRIPT}</script>`;
}
