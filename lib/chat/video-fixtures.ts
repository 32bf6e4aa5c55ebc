/** Minimal MP4 and WebM files for tests: just the headers that carry a clip's length. */

function box(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length)
  new DataView(out.buffer).setUint32(0, out.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(body, 8)
  return out
}
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
/** A minimal MP4: ftyp, then moov with an mvhd (version 0) of `seconds` at timescale 1000. */
export function tinyMp4(seconds: number): Uint8Array {
  const mvhd = new Uint8Array(100)
  const dv = new DataView(mvhd.buffer)
  dv.setUint32(12, 1000)
  dv.setUint32(16, Math.round(seconds * 1000))
  return concat(box('ftyp', new TextEncoder().encode('isom\0\0\0\0isom')), box('moov', box('mvhd', mvhd)), box('mdat', new Uint8Array(16)))
}
/** A minimal WebM: EBML header, Segment (unknown size) with Info (TimecodeScale 1 ms, Duration float64 in ms). */
export function tinyWebm(seconds: number): Uint8Array {
  const header = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x77])
  const duration = new Uint8Array(8)
  new DataView(duration.buffer).setFloat64(0, seconds * 1000)
  const info = concat(Uint8Array.from([0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40]), Uint8Array.from([0x44, 0x89, 0x88]), duration)
  const infoElement = concat(Uint8Array.from([0x15, 0x49, 0xa9, 0x66, 0x80 | info.length]), info)
  const segment = concat(Uint8Array.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), infoElement)
  return concat(header, segment)
}

