import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, renderReaderHtml } from '../../src/views/reader/readerHtml';

const CSP_SOURCE = 'https://*.vscode-cdn.net';
const ROOT = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview';
const options = {
  cspSource: CSP_SOURCE,
  scriptUri: `${ROOT}/reader.js`,
  styleUri: `${ROOT}/reader.css`,
  scriptNonce: createNonce(),
  styleNonce: createNonce(),
};
const html = renderReaderHtml(options);

function cspOf(document: string): Map<string, string[]> {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(document);
  assert.ok(meta, 'has a CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const part of meta[1].replace(/&#39;|&apos;/g, "'").split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

test('the CSP denies by default and allows scripts only by nonce', () => {
  const csp = cspOf(html);
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), [`'nonce-${options.scriptNonce}'`]);
  assert.deepEqual(csp.get('style-src'), [CSP_SOURCE, `'nonce-${options.styleNonce}'`]);
  assert.deepEqual(csp.get('img-src'), [CSP_SOURCE]);
  assert.deepEqual(csp.get('font-src'), [CSP_SOURCE]);
  assert.deepEqual(csp.get('base-uri'), ["'none'"]);
  assert.deepEqual(csp.get('form-action'), ["'none'"]);
  for (const values of csp.values()) {
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", '*', 'https:', 'http:', 'data:']) assert.ok(!values.includes(forbidden), `no ${forbidden}`);
  }
  assert.ok(!csp.has('connect-src') && !csp.has('frame-src'), 'no network or frames: default-src none covers them');
  assert.equal(contentSecurityPolicy(options), [...csp].map(([name, values]) => [name, ...values].join(' ')).join('; '));
});

test('the CSP meta tag comes before any script or stylesheet', () => {
  const cspAt = html.indexOf('Content-Security-Policy');
  assert.ok(cspAt > 0 && cspAt < html.indexOf('<script') && cspAt < html.indexOf('<link'));
});

test('every script carries the nonce and there is no inline script or handler', () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  for (const [, attributes, body] of scripts) {
    assert.match(attributes, new RegExp(`\\bnonce="${options.scriptNonce}"`));
    assert.match(attributes, /\bsrc="/);
    assert.equal(body.trim(), '', 'no inline script body');
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style attributes');
  assert.doesNotMatch(html, /<style\b/i, 'no inline <style>');
  assert.doesNotMatch(html, /javascript:/i);
});

test('resource URIs are all under the webview root (localResourceRoots)', () => {
  const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
  assert.deepEqual(urls.sort(), [`${ROOT}/reader.css`, `${ROOT}/reader.js`]);
  for (const url of urls) assert.ok(url.startsWith(`${ROOT}/`), url);
});

test('FAST/toolkit gets the style nonce, not the script nonce', () => {
  assert.match(html, new RegExp(`<meta property="csp-nonce" content="${options.styleNonce}">`));
  assert.ok(!html.includes(`content="${options.scriptNonce}"`));
  assert.notEqual(options.scriptNonce, options.styleNonce);
});

test('nonces are fresh, long and valid CSP base64', () => {
  const nonces = new Set(Array.from({ length: 200 }, createNonce));
  assert.equal(nonces.size, 200);
  for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9_-]{24}$/);
});

test('attribute values are escaped', () => {
  const hostile = renderReaderHtml({ ...options, scriptUri: 'https://x/"><script>alert(1)</script>' });
  assert.equal([...hostile.matchAll(/<script\b/g)].length, 1);
  assert.ok(hostile.includes('&quot;&gt;&lt;script&gt;'));
});

test('shows a loading state until the webview script takes over', () => {
  assert.match(html, /<main id="reader" aria-busy="true">[\s\S]*Loading paper…[\s\S]*<\/main>/);
  assert.match(html, /<html lang="en">/);
});
