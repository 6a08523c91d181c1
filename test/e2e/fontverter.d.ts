// fontverter ships no types; the tests use its one conversion.
declare module "fontverter" {
  /** The font in `buffer` (any of the formats) re-encoded as `toFormat`. */
  export function convert(buffer: Buffer, toFormat: "truetype" | "sfnt" | "woff" | "woff2", fromFormat?: "truetype" | "sfnt" | "woff" | "woff2"): Promise<Buffer>;
}
