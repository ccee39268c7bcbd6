/**
 * The report as a server-side DOM (linkedom): built from elements rather than strings, so every
 * text and attribute a cloud named (labels, trial ids, parameter names) is escaped on output.
 */
import { parseHTML } from 'linkedom';

export type Child = Node | string | null | undefined | false;
export type Attributes = Readonly<Record<string, string | number | undefined>>;

export interface Page {
  readonly document: Document;
  /** An element with its attributes (undefined ones left out) and children (falsy ones left out). */
  el(tag: string, attributes?: Attributes, ...children: Child[]): HTMLElement;
  /** The whole document, `<!DOCTYPE html>` first. */
  html(): string;
  /** A `<title>` reading `text`. */
  title(text: string): HTMLElement;
}

export function createPage(): Page {
  const { document } = parseHTML('<!DOCTYPE html><html lang="en"><head></head><body></body></html>');
  const el = (tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined) element.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      element.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return element;
  };
  // linkedom writes a title's text out as it is, as it does a script's; but a browser reads a
  // title's entities (it is RCDATA), so `</title>` in the text would end it: `&` and `<` are escaped.
  const title = (text: string) => el('title', {}, text.replaceAll('&', '&amp;').replaceAll('<', '&lt;'));
  return { document, el, title, html: () => document.toString() };
}
