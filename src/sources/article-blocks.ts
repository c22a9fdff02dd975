/**
 * The article's structure, as the writer needs it: headings, paragraphs, lists, quotes, code
 * and table rows, each as plain text. Read from the element Readability kept, over a minimal
 * structural view of the DOM (linkedom's nodes satisfy it; no DOM typings needed).
 */

/** The few DOM members read here. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "quote"; paragraphs: string[] }
  | { kind: "code"; text: string };

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "BUTTON",
  "INPUT",
  "SELECT",
  "TEXTAREA",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "VIDEO",
  "AUDIO",
  "CANVAS",
  "SVG",
  "IMG",
  "PICTURE",
  "SOURCE",
  "FORM",
]);
const HEADINGS = /^H([1-6])$/;
/** Elements that end the paragraph in progress and are read as blocks of their own. */
const BLOCKS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "UL",
  "OL",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "TR",
  "FIGURE",
  "FIGCAPTION",
  "HR",
  "DL",
  "DT",
  "DD",
  "DETAILS",
  "SUMMARY",
  "CENTER",
  "ADDRESS",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
]);

/** Reads the blocks under `root`, in document order. */
export function readBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let inline = "";
  const flush = () => {
    const text = collapse(inline);
    if (text !== "") blocks.push({ kind: "paragraph", text });
    inline = "";
  };
  const visit = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      inline += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (!BLOCKS.has(tag)) {
      if (tag === "BR") inline += " ";
      else if (containsBlock(node)) forEach(node, visit);
      else inline += inlineText(node);
      return;
    }
    flush();
    const heading = HEADINGS.exec(tag);
    if (heading) push(blocks, { kind: "heading", level: Number(heading[1]), text: inlineText(node) });
    else if (tag === "UL" || tag === "OL") {
      const items = listItems(node);
      if (items.length > 0) blocks.push({ kind: "list", ordered: tag === "OL", items });
    } else if (tag === "BLOCKQUOTE") {
      const inner = readBlocks(node).flatMap(blockLines);
      if (inner.length > 0) blocks.push({ kind: "quote", paragraphs: inner });
    } else if (tag === "PRE") {
      const text = (node.textContent ?? "").replace(/^\n+|\s+$/g, "");
      if (text.trim() !== "") blocks.push({ kind: "code", text });
    } else if (tag === "TR") {
      const cells = children(node)
        .filter((c) => c.nodeType === ELEMENT_NODE)
        .map(inlineText)
        .filter((c) => c !== "");
      if (cells.length > 0) blocks.push({ kind: "paragraph", text: cells.join(" | ") });
    } else if (tag === "P" && !containsBlock(node))
      push(blocks, { kind: "paragraph", text: inlineText(node) });
    else if (tag !== "HR") forEach(node, visit);
    flush();
  };
  forEach(root, visit);
  flush();
  return blocks;
}

/** A block's text as lines of paragraphs (for quotes, which hold paragraphs only). */
function blockLines(block: Block): string[] {
  switch (block.kind) {
    case "list":
      return block.items;
    case "quote":
      return block.paragraphs;
    default:
      return [block.text];
  }
}

/** List items, each with its own text; a nested list's items follow their parent's. */
function listItems(list: DomNode): string[] {
  const items: string[] = [];
  for (const item of children(list)) {
    if (item.nodeType !== ELEMENT_NODE) continue;
    const tag = item.nodeName.toUpperCase();
    if (tag === "UL" || tag === "OL") {
      items.push(...listItems(item));
      continue;
    }
    let own = "";
    const nested: string[] = [];
    for (const c of children(item)) {
      const ctag = c.nodeType === ELEMENT_NODE ? c.nodeName.toUpperCase() : "";
      if (ctag === "UL" || ctag === "OL") nested.push(...listItems(c));
      else
        own +=
          c.nodeType === TEXT_NODE
            ? (c.textContent ?? "")
            : c.nodeType === ELEMENT_NODE
              ? ` ${inlineText(c)} `
              : "";
    }
    const text = collapse(own);
    if (text !== "") items.push(text);
    items.push(...nested);
  }
  return items;
}

function push(blocks: Block[], block: Block): void {
  if (block.kind === "heading" || block.kind === "paragraph") {
    if (block.text === "") return;
  }
  blocks.push(block);
}

/** The text of an element, whitespace collapsed, line breaks as spaces, scripts skipped. */
export function inlineText(node: DomNode): string {
  let out = "";
  const walk = (n: DomNode) => {
    if (n.nodeType === TEXT_NODE) out += n.textContent ?? "";
    else if (n.nodeType === ELEMENT_NODE) {
      const tag = n.nodeName.toUpperCase();
      if (SKIPPED.has(tag)) return;
      if (tag === "BR") out += " ";
      const block = BLOCKS.has(tag);
      if (block) out += " ";
      forEach(n, walk);
      if (block) out += " ";
    }
  };
  forEach(node, walk);
  return collapse(out);
}

function containsBlock(node: DomNode): boolean {
  for (const c of children(node)) {
    if (c.nodeType !== ELEMENT_NODE) continue;
    if (BLOCKS.has(c.nodeName.toUpperCase()) || containsBlock(c)) return true;
  }
  return false;
}

function children(node: DomNode): DomNode[] {
  return Array.from(node.childNodes);
}

function forEach(node: DomNode, fn: (child: DomNode) => void): void {
  for (const c of children(node)) fn(c);
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
