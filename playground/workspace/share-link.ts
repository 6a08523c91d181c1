// A share link carries the whole workspace in the URL's fragment, compressed
// (deflate-raw) and base64url-encoded. The fragment never reaches a server, so
// sharing sends nothing anywhere: the link is the document.
import { readWorkspace, type Workspace } from "./workspace";

const prefix = "#w=";

export async function encodeShareHash(workspace: Workspace): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(workspace));
  const compressed = await transform(json, new CompressionStream("deflate-raw"));
  return prefix + toBase64Url(compressed);
}

/** The workspace in a location hash, or null when there is none or it does not decode. */
export async function decodeShareHash(hash: string): Promise<Workspace | null> {
  const read = await readShareHash(hash);
  return read && "workspace" in read ? read.workspace : null;
}

/** null when the hash is no share link; else the workspace, or what is wrong with the link. */
export async function readShareHash(hash: string): Promise<{ workspace: Workspace } | { problem: string } | null> {
  if (!hash.startsWith(prefix)) return null;
  let json: string;
  try {
    const compressed = fromBase64Url(hash.slice(prefix.length));
    json = new TextDecoder().decode(await transform(compressed, new DecompressionStream("deflate-raw")));
  } catch {
    return { problem: "it does not decode (cut short when copied?)" };
  }
  try {
    return readWorkspace(JSON.parse(json));
  } catch {
    return { problem: "it decodes to something that is not a workspace" };
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
