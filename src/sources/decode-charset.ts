/**
 * Bytes to text with the right charset. The order is the standards': a byte-order mark wins;
 * then the charset of the HTTP Content-Type; then what the document says of itself (the XML
 * declaration, or an HTML page's <meta charset> / http-equiv in its first 4 KB); then UTF-8.
 * When the chosen charset is UTF-8 but the bytes are not, a document's own declaration (if
 * another) is tried, then windows-1252: a mislabelled Latin-1 feed is common and still readable.
 * Decoding uses the WHATWG encodings Node ships (TextDecoder), the set browsers read.
 */

const SNIFF_BYTES = 4_096;

export interface DecodedText {
  text: string;
  /** The encoding actually used (WHATWG name, e.g. "utf-8", "windows-1252"). */
  encoding: string;
  /** Where the choice came from. */
  from: "bom" | "http" | "document" | "default" | "fallback";
}

export function decodeBytes(bytes: Buffer, httpCharset: string | null = null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom !== null)
    return {
      text: decode(bytes.subarray(bom.length), bom.encoding, false) ?? "",
      encoding: bom.encoding,
      from: "bom",
    };
  const declared = declaredCharset(bytes);
  const candidates: [string | null, DecodedText["from"]][] = [
    [httpCharset, "http"],
    [declared, "document"],
    ["utf-8", "default"],
  ];
  for (const [label, from] of candidates) {
    const encoding = normalizeLabel(label);
    if (encoding === null) continue;
    // UTF-16 without a BOM cannot be told from its label alone reliably; skip to the next.
    if (encoding.startsWith("utf-16")) continue;
    const text = decode(bytes, encoding, encoding === "utf-8");
    if (text !== null) return { text, encoding, from };
  }
  return { text: decode(bytes, "windows-1252", false) ?? "", encoding: "windows-1252", from: "fallback" };
}

function bomEncoding(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** The encoding a document declares: <?xml encoding="..."?> or an HTML meta, in its first 4 KB. */
export function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES).toString("latin1");
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (xml) return xml[1] ?? null;
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

/** The WHATWG encoding name for a label, or null when Node does not know it. */
export function normalizeLabel(label: string | null): string | null {
  if (label === null || label.trim() === "") return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function decode(bytes: Buffer | Uint8Array, encoding: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
