// fontverter (a devDependency for lib/fonts/urdu.test.ts) ships no types.
declare module "fontverter" {
  export function convert(buffer: Uint8Array, format: "truetype" | "woff" | "woff2" | "sfnt"): Promise<Buffer>;
  const fontverter: { convert: typeof convert };
  export default fontverter;
}
