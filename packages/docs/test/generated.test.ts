// The generated docs spec, checked without a browser: every operation is there with its samples, the
// signing numbers are right (recomputed with @volc-openapi/signer and node:crypto), and the changelog
// says what the changesets say.
import { createHash, createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { SigningWalkthrough } from '@volc-openapi/codegen';
import { sign } from '@volc-openapi/signer';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONSOLE_DATA_ID, REDOC_HYDRATING_EVENT, REDOC_MODULE_ID } from '../console/ids.ts';
import { deferRedoc } from '../scripts/redoc.ts';
import { PREVIEW_PANEL_ID, PREVIEWS_DATA_ID } from '../scripts/site.ts';
import {
  bundledSpecOf,
  deref,
  docsSpecOf,
  guideTag,
  here,
  type Json,
  operationsOf,
  services,
} from './docs-spec.ts';

const xDateToDate = (xDate: string) =>
  new Date(xDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));

/** The words of a generated curl command, undoing its '…' and $'…' quoting. */
function shellWords(command: string): string[] {
  const text = command
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .replace(/\s*\\\n\s*/g, ' ');
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (char === '$' && text[i + 1] === "'") {
      let out = '';
      for (i += 2; text[i] !== "'"; i++) {
        if (text[i] === '\\') {
          const next = text[++i] as string;
          out += next === 'n' ? '\n' : next === 'r' ? '\r' : next;
        } else out += text[i];
      }
      word = (word ?? '') + out;
    } else if (char === '\\') word = (word ?? '') + text[++i];
    else word = (word ?? '') + char;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Method, URL, headers and body of a curl command. */
function parseCurl(command: string) {
  const words = shellWords(command);
  const headers: Record<string, string> = {};
  let method = 'GET';
  let url = '';
  let body: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '-X') method = words[++i] as string;
    else if (word === '-H') {
      const header = words[++i] as string;
      const colon = header.indexOf(':');
      headers[header.slice(0, colon)] = header.slice(colon + 1).trim();
    } else if (word === '--data-raw' || word === '--data-binary') body = words[++i];
    else url = word;
  }
  return { method, url, headers, body };
}

describe.each(services.map((service) => [service.entry.name, service] as const))(
  'generated docs spec of %s',
  (name, service) => {
    const docsSpec = docsSpecOf(service);
    const bundledSpec = bundledSpecOf(service);
    const operations = operationsOf(docsSpec);
    // Signing facts sit at the document root.
    const signing = bundledSpec['x-volc-signing'] as { region: string; service: string };
    // The generator's own description of the worked example, read back from the docs spec.
    const walk = guideTag('signing', docsSpec)['x-signing-example'] as SigningWalkthrough;
    const demo = { accessKeyId: walk.accessKeyId, secretAccessKey: walk.secretAccessKey };

    it('describes exactly the operations of the bundled spec, each with its request line and three samples', () => {
      const bundled = operationsOf(bundledSpec).map((operation) => `${operation.method} ${operation.path}`);
      expect(operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual(bundled);
      expect(operations.length).toBeGreaterThan(0);
      const samples = readdirSync(`${service.generatedDir}/samples`);
      for (const operation of operations) {
        const node = deref(
          docsSpec,
          deref(docsSpec, (docsSpec.paths as Json)[operation.path])[operation.method.toLowerCase()],
        );
        expect(String(node.description), operation.operationId).toContain(
          `${operation.method} ${operation.path}`,
        );
        expect(operation.samples.map((sample) => sample.lang)).toEqual(['TypeScript', 'curl', 'JavaScript']);
        expect(samples).toContain(`${operation.operationId}.facade.ts`);
        expect(samples).toContain(`${operation.operationId}.raw.ts`);
      }
    });

    it('carries a preview of every operation, with its request line and fields, into the built page', () => {
      const page = readFileSync(`${service.distDir}/index.html`, 'utf8');
      const json = new RegExp(
        `<script type="application/json" id="${PREVIEWS_DATA_ID}">(.*?)</script>`,
        's',
      ).exec(page)?.[1];
      expect(json, `no previews in dist/${name}/index.html`).toBeDefined();
      const previews = JSON.parse(json ?? '{}') as Record<string, string>;
      expect(Object.keys(previews).sort()).toEqual(operations.map((operation) => operation.sectionId).sort());
      for (const operation of operations) {
        const preview = previews[operation.sectionId] ?? '';
        expect(preview, operation.operationId).toContain(
          `${operation.method} ${operation.path.replace('&', '&amp;')}`,
        );
        for (const name of operation.parameters)
          expect(preview, operation.operationId).toContain(`<code>${name}</code>`);
      }
      // Before Redoc's styles and markup, so that it can be painted first.
      expect(page.indexOf(`id="${PREVIEW_PANEL_ID}"`)).toBeLessThan(page.indexOf('<div id="redoc">'));
    });

    it("keeps Redoc's module as text at the end of the body, after the console that starts it", () => {
      const page = readFileSync(`${service.distDir}/index.html`, 'utf8');
      expect(page).not.toContain('<script type="module">');
      const text = page.indexOf(`<script type="text/plain" id="${REDOC_MODULE_ID}">`);
      expect(text).toBeGreaterThan(page.indexOf(`id="${CONSOLE_DATA_ID}"`));
      const tail = page.slice(text);
      expect(tail).toContain(`document.dispatchEvent(new Event("${REDOC_HYDRATING_EVENT}"))`);
      expect(tail.trimEnd()).toMatch(/<\/script>\s*<\/body>\s*<\/html>$/);
    });

    it('labels every code sample with a language redocly.yaml configures, or Redoc 3 would hide it', () => {
      const config = parse(readFileSync(here('../../../redocly.yaml'), 'utf8')) as {
        openapi?: { codeSamples?: { languages?: { lang: string; label?: string }[] } };
      };
      const labels = (config.openapi?.codeSamples?.languages ?? []).map((language) =>
        (language.label ?? language.lang).toLowerCase(),
      );
      const used = new Set(
        operations.flatMap((operation) => operation.samples.map((sample) => sample.label.toLowerCase())),
      );
      expect([...used].filter((label) => !labels.includes(label))).toEqual([]);
    });

    it('works the signing example through with numbers that node:crypto and @volc-openapi/signer reproduce', async () => {
      const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
      const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();
      const body = walk.request.body ?? '';
      expect(walk.bodySha256).toBe(sha256(body));
      expect(walk.canonicalRequest.endsWith(`\n${walk.bodySha256}`)).toBe(true);
      expect(walk.canonicalRequestSha256).toBe(sha256(walk.canonicalRequest));
      const day = walk.xDate.slice(0, 8);
      expect(walk.credentialScope).toBe(`${day}/${signing.region}/${signing.service}/request`);
      expect(walk.stringToSign).toBe(
        `HMAC-SHA256\n${walk.xDate}\n${walk.credentialScope}\n${walk.canonicalRequestSha256}`,
      );
      const kDate = hmac(walk.secretAccessKey, day);
      const kRegion = hmac(kDate, signing.region);
      const kService = hmac(kRegion, signing.service);
      const kSigning = hmac(kService, 'request');
      expect(walk.signingKeys).toEqual({
        date: kDate.toString('hex'),
        region: kRegion.toString('hex'),
        service: kService.toString('hex'),
        request: kSigning.toString('hex'),
      });
      expect(walk.signature).toBe(hmac(kSigning, walk.stringToSign).toString('hex'));

      // The signer builds its own canonical request; the same Authorization means the same one.
      const headers = await sign(
        {
          method: walk.request.method,
          url: walk.request.url,
          headers: walk.request.contentType ? { 'Content-Type': walk.request.contentType } : {},
          ...(walk.request.body === undefined ? {} : { body: walk.request.body }),
        },
        {
          credentials: demo,
          region: signing.region,
          service: signing.service,
          date: xDateToDate(walk.xDate),
        },
      );
      expect(headers.Authorization).toBe(walk.authorization);
      expect(headers['X-Content-Sha256']).toBe(walk.bodySha256);

      // And the page shows every one of these numbers.
      const page = String(guideTag('signing', docsSpec).description);
      for (const value of [
        walk.bodySha256,
        walk.canonicalRequest,
        walk.canonicalRequestSha256,
        walk.stringToSign,
        ...Object.values(walk.signingKeys),
        walk.signature,
        walk.authorization,
      ]) {
        expect(page).toContain(value);
      }
    });

    it('signs every curl sample for real: the signer gets the same X-Content-Sha256 and Authorization', async () => {
      const wrong: string[] = [];
      for (const operation of operations) {
        const curl = operation.samples.find((sample) => sample.lang === 'curl');
        if (!curl) {
          wrong.push(`${operation.operationId}: no curl sample`);
          continue;
        }
        const request = parseCurl(curl.source);
        expect(request.url.endsWith(operation.path) || request.url.includes(`${operation.path}&`)).toBe(true);
        const contentType = request.headers['Content-Type'];
        const headers = await sign(
          {
            method: request.method,
            url: request.url,
            headers: contentType ? { 'Content-Type': contentType } : {},
            ...(request.body === undefined ? {} : { body: request.body }),
          },
          {
            credentials: demo,
            region: signing.region,
            service: signing.service,
            date: xDateToDate(request.headers['X-Date'] ?? ''),
          },
        );
        if (
          headers.Authorization !== request.headers.Authorization ||
          headers['X-Content-Sha256'] !== request.headers['X-Content-Sha256']
        )
          wrong.push(
            `${operation.operationId}: curl shows ${request.headers.Authorization}, the signer gives ${headers.Authorization}`,
          );
      }
      expect(wrong).toEqual([]);
    });

    it('builds the changelog page from CHANGELOG.md and the pending changesets of the spec package', () => {
      const page = String(guideTag('changelog', docsSpec).description);
      const specDir = here(`../../../${service.entry.specDir}/`);
      const name = String(JSON.parse(readFileSync(`${specDir}package.json`, 'utf8')).name);
      const changelog = `${specDir}CHANGELOG.md`;
      if (existsSync(changelog)) {
        const versions = [...readFileSync(changelog, 'utf8').matchAll(/^## (\S+)/gm)].map(
          (match) => match[1] as string,
        );
        for (const version of versions) expect(page).toContain(`## ${version}`);
      } else expect(page).toContain('No releases yet');
      const changesetDir = here('../../../.changeset/');
      const frontmatter = (file: string) =>
        /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(`${changesetDir}${file}`, 'utf8'))?.[1] ?? '';
      const pending = readdirSync(changesetDir).filter(
        (file) =>
          file.endsWith('.md') &&
          file.toLowerCase() !== 'readme.md' &&
          frontmatter(file)
            .split(/\r?\n/)
            .some((line) => line.replace(/["']/g, '').split(':')[0]?.trim() === name),
      );
      for (const file of pending) expect(page).toContain(file);
      if (pending.length === 0) expect(page).toContain('No changes are pending.');
    });
  },
);

describe('deferring Redoc', () => {
  it("fails the build on a page whose Redoc module does not end with Redocly's hydrate call", () => {
    expect(() => deferRedoc('<body><script type="module">start();</script></body>', 'page.html')).toThrow(
      /page\.html: no inline Redoc module ending with hydrate\(/,
    );
    expect(() => deferRedoc('<body></body>', 'page.html')).toThrow(/page\.html: no inline Redoc module/);
  });
});
