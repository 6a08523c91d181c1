// A share link carries the whole workspace in the URL's fragment, compressed
// (deflate-raw) and base64url-encoded. The fragment never reaches a server, so
// sharing sends nothing anywhere: the link is the document.
import type { Workspace } from "./workspace";

const prefix = "#w=";

export async function encodeShareHash(workspace: Workspace): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(workspace));
  const compressed = await transform(json, new CompressionStream("deflate-raw"));
  return prefix + toBase64Url(compressed);
}

/** The workspace in a location hash, or null when there is none or it does not decode. */
export async function decodeShareHash(hash: string): Promise<Workspace | null> {
  if (!hash.startsWith(prefix)) return null;
  try {
    const compressed = fromBase64Url(hash.slice(prefix.length));
    const json = new TextDecoder().decode(await transform(compressed, new DecompressionStream("deflate-raw")));
    return asWorkspace(JSON.parse(json));
  } catch {
    return null;
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// A link is input from anywhere: accept only the shape we write.
function asWorkspace(value: unknown): Workspace | null {
  if (typeof value !== "object" || value === null) return null;
  const candidate = value as Partial<Workspace>;
  if (!Array.isArray(candidate.files) || typeof candidate.events !== "string") return null;
  const files = candidate.files.filter(
    (f): f is { path: string; text: string } => typeof f?.path === "string" && typeof f?.text === "string",
  );
  if (files.length === 0) return null;
  return { files, events: candidate.events, until: typeof candidate.until === "string" ? candidate.until : "" };
}
