/**
 * A small, safe XML tree for feeds. htmlparser2 tokenizes in XML mode; it never interprets a
 * DOCTYPE, so no entity declared in a DTD is ever expanded (billion laughs) and no external
 * entity is ever read (XXE): the DOCTYPE is only a declaration, dropped. Entities are decoded
 * here, by us: the five of XML, numeric references and HTML's named entities (feeds use &nbsp;
 * and &eacute; without declaring them), each only with its semicolon, so "?a=1&copy=2" in a
 * sloppy URL stays as written. htmlparser2 is lenient: an unescaped "&" or an unclosed tag in a
 * real feed costs that spot, not the whole feed. See docs/adr/0071.
 *
 * Namespaces are resolved to short keys (dc, content, atom, media, itunes, rdf, ...) so the
 * format readers can match `dc:creator` whatever prefix the feed declared.
 */
import { decodeHTMLStrict } from "entities";
import { Parser } from "htmlparser2";

export interface XmlElement {
  /** Namespace key: "" for no namespace or RSS, "atom", "dc", "content", ... or the raw prefix. */
  ns: string;
  /** Local name, lowercase. */
  name: string;
  attrs: Record<string, string>;
  /** Child elements and text, in document order. */
  children: (XmlElement | string)[];
  /** xml:base in effect here, when one was declared on this element or an ancestor. */
  base: string | null;
}

/** Namespace URIs Newsdesk reads, by the key the readers use. */
const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  "http://www.w3.org/2005/atom": "atom",
  "http://purl.org/atom/ns#": "atom",
  "http://purl.org/dc/elements/1.1/": "dc",
  "http://purl.org/dc/terms/": "dcterms",
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://purl.org/rss/1.0/": "",
  "http://my.netscape.com/rdf/simple/0.9/": "",
  "http://backend.userland.com/rss2": "",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
  "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
  "http://search.yahoo.com/mrss/": "media",
  "http://search.yahoo.com/mrss": "media",
  "http://www.w3.org/1999/xhtml": "xhtml",
};

/** Parses XML text into its root element, or null when there is none. */
export function parseXml(text: string): XmlElement | null {
  const root: XmlElement = { ns: "", name: "#document", attrs: {}, children: [], base: null };
  const stack: { element: XmlElement; scope: Map<string, string> }[] = [{ element: root, scope: new Map() }];
  let inCdata = false;

  const parser = new Parser(
    {
      onopentag(qualified, rawAttrs) {
        const parent = stack[stack.length - 1] as (typeof stack)[number];
        let scope = parent.scope;
        const attrs: Record<string, string> = {};
        for (const key in rawAttrs) {
          const value = decodeEntities(rawAttrs[key] as string);
          if (key === "xmlns" || key.startsWith("xmlns:")) {
            if (scope === parent.scope) scope = new Map(scope);
            scope.set(key === "xmlns" ? "" : key.slice(6), value);
          }
          const local = localName(key);
          attrs[local] = value;
          if (key !== local) attrs[key.toLowerCase()] = value;
        }
        const colon = qualified.indexOf(":");
        const prefix = colon < 0 ? "" : qualified.slice(0, colon);
        const element: XmlElement = {
          ns: namespaceKey(prefix, scope),
          name: qualified.slice(colon + 1).toLowerCase(),
          attrs,
          children: [],
          base: parent.element.base,
        };
        const base = rawAttrs["xml:base"];
        if (base !== undefined)
          element.base = resolveUrl(decodeEntities(base), parent.element.base) ?? element.base;
        parent.element.children.push(element);
        stack.push({ element, scope });
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const current = (stack[stack.length - 1] as (typeof stack)[number]).element;
        const value = inCdata ? text : decodeEntities(text);
        const last = current.children[current.children.length - 1];
        if (typeof last === "string") current.children[current.children.length - 1] = last + value;
        else current.children.push(value);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true },
  );
  parser.end(text);
  return root.children.find((c): c is XmlElement => typeof c !== "string") ?? null;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  const local = colon < 0 ? qualified : qualified.slice(colon + 1);
  // Most names are lowercase already; toLowerCase would copy them all the same.
  return /[A-Z]/.test(local) ? local.toLowerCase() : local;
}

/** Namespace URI -> key, memoized: every element asks, and feeds use a handful of URIs. */
const uriKeys = new Map<string, string | null>();

function namespaceKey(prefix: string, scope: Map<string, string>): string {
  const uri = scope.get(prefix);
  if (uri !== undefined) {
    let known = uriKeys.get(uri);
    if (known === undefined) {
      known = KNOWN_NAMESPACES[uri.toLowerCase()] ?? null;
      if (uriKeys.size < 1_000) uriKeys.set(uri, known);
    }
    if (known !== null) return known;
  }
  // An undeclared or unknown namespace keeps its prefix: feeds often use "dc:" without declaring it.
  return prefix.toLowerCase();
}

/** XML and HTML entity references (with their semicolon) and numeric references. */
export function decodeEntities(text: string): string {
  return text.includes("&") ? decodeHTMLStrict(text) : text;
}

/** The element's text: its own and its descendants', in order, trimmed. */
export function textOf(element: XmlElement | undefined | null): string {
  if (!element) return "";
  return collectText(element).trim();
}

function collectText(element: XmlElement): string {
  let out = "";
  for (const child of element.children) out += typeof child === "string" ? child : collectText(child);
  return out;
}

/** The element's content as markup, for Atom's type="xhtml" and unescaped HTML in RSS. */
export function innerXml(element: XmlElement): string {
  let out = "";
  for (const child of element.children) {
    if (typeof child === "string") out += escapeText(child);
    else {
      const attrs = Object.entries(child.attrs)
        .filter(([key]) => !key.includes(":") && key !== "xmlns")
        .map(([key, value]) => ` ${key}="${escapeText(value).replaceAll('"', "&quot;")}"`)
        .join("");
      out += `<${child.name}${attrs}>${innerXml(child)}</${child.name}>`;
    }
  }
  return out;
}

function escapeText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Child elements, optionally only those with a namespace key and local name. */
export function childElements(element: XmlElement, ns?: string, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === "string") continue;
    if (ns !== undefined && child.ns !== ns) continue;
    if (name !== undefined && child.name !== name) continue;
    out.push(child);
  }
  return out;
}

/** The first child element with that namespace key and local name. */
export function child(element: XmlElement, ns: string, name: string): XmlElement | undefined {
  for (const c of element.children) if (typeof c !== "string" && c.ns === ns && c.name === name) return c;
  return undefined;
}

/**
 * An absolute URL from a possibly relative one, or null when it cannot be made one. An absolute
 * link is kept as the feed wrote it (the identity form is canonicalUrl's job).
 */
export function resolveUrl(href: string, base: string | null): string | null {
  const trimmed = href.trim();
  if (trimmed === "") return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && URL.canParse(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return null;
  }
}
