/** arXiv ids and DOIs as they appear in the wild → their bare canonical form. */

const NEW_ARXIV = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ARXIV = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/i;

/** "arXiv:2101.00001v2", "https://arxiv.org/abs/2101.00001", "hep-th/9901001" → "2101.00001" / "hep-th/9901001". */
export function normalizeArxivId(value: string | undefined): string | undefined {
  // Identifiers are short; a long value is not one (and must not cost regex backtracking time).
  if (!value || value.length > 300) return undefined;
  let text = value.trim().replace(/^arxiv\s*:\s*/i, '');
  const url = text.match(/arxiv\.org\/(?:abs|pdf|html)\/([^?#\s]+)/i);
  if (url) text = url[1].replace(/\/$/, '').replace(/\.pdf$/i, '');
  const doi = text.match(/^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(.+)$/i);
  if (doi) text = doi[1];
  const match = text.match(NEW_ARXIV) ?? text.match(OLD_ARXIV);
  return match ? match[1] : undefined;
}

/** Finds an arXiv id inside free text such as "arXiv preprint arXiv:2101.00001" or a URL. */
export function findArxivId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const patterns = [
    /arxiv\.org\/(?:abs|pdf)\/([\w.\/-]{1,60})/i,
    /arxiv[:\s]\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})/i,
    /10\.48550\/arxiv\.(\d{4}\.\d{4,5})/i,
  ];
  for (const pattern of patterns) {
    const match = text.match(pattern);
    const id = match && normalizeArxivId(match[1].replace(/\.pdf$/i, '').replace(/\/$/, ''));
    if (id) return id;
  }
  return undefined;
}

/** "https://doi.org/10.1000/XYZ", "doi:10.1000/xyz", "10.1000/xyz" → "10.1000/xyz" (case kept; compare lower-cased). */
export function normalizeDoi(value: string | undefined): string | undefined {
  if (!value || value.length > 500) return undefined;
  const text = value.trim().replace(/^doi\s*:\s*/i, '').replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '').replace(/^(?:https?:\/\/)?doi\.org\//i, '');
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // a literal "%" that is not an escape: keep the text as written
  }
  const match = decoded.match(/^(10\.\d{4,9}\/\S+)$/);
  return match ? match[1].replace(/[.,;]+$/, '') : undefined;
}

export function isDoiUrl(url: string): boolean {
  return /^https?:\/\/(?:dx\.)?doi\.org\/10\./i.test(url.trim());
}

/** First plausible four-digit year in a date-ish text ("2021-03-04", "March 2021", "2021"). */
export function yearFromText(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = value.match(/(?:^|\D)(1[5-9]\d\d|2[01]\d\d)(?!\d)/);
  return match ? Number(match[1]) : undefined;
}
