/**
 * Duration of a short clip read from its container headers (no ffprobe): MP4/QuickTime
 * ("moov/mvhd") and WebM/Matroska ("Segment/Info/Duration" × TimecodeScale). Pure.
 */

export type VideoType = 'video/mp4' | 'video/webm'

/** The container a file really is, from its first bytes. */
export function sniffVideoType(bytes: Uint8Array): VideoType | null {
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') return 'video/mp4'
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'video/webm'
  return null
}

/** Seconds, or null when the headers do not say. */
export function videoDurationSeconds(bytes: Uint8Array): number | null {
  const type = sniffVideoType(bytes)
  if (type === 'video/mp4') return mp4Duration(bytes)
  if (type === 'video/webm') return webmDuration(bytes)
  return null
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let s = ''
  for (let i = at; i < at + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0)
  return s
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Walks boxes from `start` to `end`; returns the body range of the first box of that type. */
function findBox(bytes: Uint8Array, start: number, end: number, type: string): { start: number; end: number } | null {
  const dv = view(bytes)
  let at = start
  while (at + 8 <= end) {
    let size = dv.getUint32(at)
    const boxType = ascii(bytes, at + 4, 4)
    let header = 8
    if (size === 1) {
      if (at + 16 > end) return null
      size = Number(dv.getBigUint64(at + 8))
      header = 16
    } else if (size === 0) {
      size = end - at
    }
    if (size < header) return null
    if (boxType === type) return { start: at + header, end: Math.min(at + size, end) }
    at += size
  }
  return null
}

function mp4Duration(bytes: Uint8Array): number | null {
  const moov = findBox(bytes, 0, bytes.length, 'moov')
  if (!moov) return null
  const mvhd = findBox(bytes, moov.start, moov.end, 'mvhd')
  if (!mvhd) return null
  const dv = view(bytes)
  const version = bytes[mvhd.start]
  if (version === 1) {
    if (mvhd.start + 32 > bytes.length) return null
    const timescale = dv.getUint32(mvhd.start + 20)
    const duration = Number(dv.getBigUint64(mvhd.start + 24))
    return timescale > 0 ? duration / timescale : null
  }
  if (mvhd.start + 20 > bytes.length) return null
  const timescale = dv.getUint32(mvhd.start + 12)
  const duration = dv.getUint32(mvhd.start + 16)
  return timescale > 0 ? duration / timescale : null
}

/** EBML variable-length integer at `at`: its value and its length in bytes. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[at]
  if (first === undefined || first === 0) return null
  let length = 1
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++
  if (length > 8 || at + length > bytes.length) return null
  let value = keepMarker ? first : first & (0xff >> length)
  let unknown = value === (0xff >> length)
  for (let i = 1; i < length; i++) {
    const b = bytes[at + i] ?? 0
    if (b !== 0xff) unknown = false
    value = value * 256 + b
  }
  return { value: !keepMarker && unknown ? -1 : value, length }
}

const SEGMENT = 0x18538067
const INFO = 0x1549a966
const TIMECODE_SCALE = 0x2ad7b1
const DURATION = 0x4489

const CLUSTER = 0x1f43b675
const CLUSTER_TIMECODE = 0xe7
const BLOCK_GROUP = 0xa0
const BLOCK = 0xa1
const SIMPLE_BLOCK = 0xa3

function readUint(bytes: Uint8Array, at: number, length: number): number {
  let v = 0
  for (let i = 0; i < length; i++) v = v * 256 + (bytes[at + i] ?? 0)
  return v
}

/**
 * Segment Info's Duration; when absent (browsers' MediaRecorder leaves it out), the latest
 * block time found in the clusters, which is the clip's length to within one frame.
 */
function webmDuration(bytes: Uint8Array): number | null {
  const dv = view(bytes)
  let at = 0
  while (at < bytes.length) {
    const id = readVint(bytes, at, true)
    if (!id) return null
    const size = readVint(bytes, at + id.length, false)
    if (!size) return null
    const body = at + id.length + size.length
    if (id.value !== SEGMENT) {
      if (size.value < 0) return null
      at = body + size.value
      continue
    }
    const segmentEnd = size.value < 0 ? bytes.length : Math.min(bytes.length, body + size.value)
    let scale = 1_000_000
    let duration: number | null = null
    let clusterTime = 0
    let latest = -1
    let inner = body
    while (inner < segmentEnd) {
      const cid = readVint(bytes, inner, true)
      if (!cid) break
      const csize = readVint(bytes, inner + cid.length, false)
      if (!csize) break
      const cbody = inner + cid.length + csize.length
      if (cid.value === CLUSTER || cid.value === BLOCK_GROUP) {
        // Descend (their size may be unknown in a live recording).
        inner = cbody
        continue
      }
      if (csize.value < 0) break
      if (cid.value === INFO) {
        let f = cbody
        const infoEnd = Math.min(bytes.length, cbody + csize.value)
        while (f < infoEnd) {
          const fid = readVint(bytes, f, true)
          if (!fid) break
          const fsize = readVint(bytes, f + fid.length, false)
          if (!fsize || fsize.value < 0) break
          const fbody = f + fid.length + fsize.length
          if (fid.value === TIMECODE_SCALE) scale = readUint(bytes, fbody, fsize.value)
          else if (fid.value === DURATION && fbody + fsize.value <= bytes.length)
            duration = fsize.value === 4 ? dv.getFloat32(fbody) : fsize.value === 8 ? dv.getFloat64(fbody) : null
          f = fbody + fsize.value
        }
        if (duration !== null) return (duration * scale) / 1e9
      } else if (cid.value === CLUSTER_TIMECODE) {
        clusterTime = readUint(bytes, cbody, csize.value)
      } else if ((cid.value === SIMPLE_BLOCK || cid.value === BLOCK) && cbody + 4 <= bytes.length) {
        const track = readVint(bytes, cbody, false)
        if (track && cbody + track.length + 2 <= bytes.length) {
          latest = Math.max(latest, clusterTime + dv.getInt16(cbody + track.length))
        }
      }
      inner = cbody + csize.value
    }
    return latest >= 0 ? (latest * scale) / 1e9 : null
  }
  return null
}
