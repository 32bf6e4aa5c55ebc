// The few parts of libheif-js's JavaScript wrapper the report form uses (the package ships types
// for the raw emscripten exports only).
declare module 'libheif-js/wasm-bundle' {
  interface HeifImage {
    get_width(): number
    get_height(): number
    /** Fills `target.data` with RGBA pixels, then calls back with it (null when decoding failed). */
    display(target: ImageData, callback: (result: ImageData | null) => void): void
    free(): void
  }
  const libheif: {
    ready?: Promise<unknown>
    HeifDecoder: new () => { decode(bytes: Uint8Array): HeifImage[]; decoder: { delete(): void } }
  }
  export default libheif
}
