// The abstract is untrusted Markdown/HTML from the library file: marked turns it into HTML and DOMPurify reduces
// that to a small set of text-formatting elements BEFORE anything is attached to the document.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'b', 'i', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'sub', 'sup', 'del', 'a'];

/** Returns a sanitized fragment; links keep only an http(s) `href`. */
export function renderAbstract(source: string): DocumentFragment {
  const html = markdown.parse(protectMath(source)) as string;
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
    RETURN_DOM_FRAGMENT: true,
  });
  // A link whose href was removed (javascript:, command:, relative…) is plain text, not a dead link.
  for (const anchor of fragment.querySelectorAll('a:not([href])')) anchor.replaceWith(...anchor.childNodes);
  return fragment;
}

/**
 * Inline LaTeX such as `$x_0$` or `$O(n^2)$` would otherwise be read as Markdown emphasis; show it as code,
 * which also sets it apart from the prose.
 */
function protectMath(source: string): string {
  return source.replace(/(^|[^\\$])\$([^$\n`]{1,200}?)\$/g, (_match, before: string, math: string) => `${before}\`${math.trim()}\``);
}
