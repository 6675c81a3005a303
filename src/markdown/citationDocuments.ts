import * as path from 'node:path';
import * as vscode from 'vscode';

/** Markdown, Quarto and R Markdown, whatever language id an installed extension gives them. */
export const CITATION_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'markdown' },
  { language: 'quarto' },
  { language: 'rmd' },
  { language: 'rmarkdown' },
  { pattern: '**/*.{qmd,Qmd,rmd,Rmd,RMD}' },
];

const EXTENSIONS = new Set(['.md', '.markdown', '.qmd', '.rmd']);

export function isCitationDocument(document: vscode.TextDocument): boolean {
  if (['markdown', 'quarto', 'rmd', 'rmarkdown'].includes(document.languageId)) return true;
  return EXTENSIONS.has(path.extname(document.uri.path).toLowerCase());
}
