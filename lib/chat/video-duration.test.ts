import { describe, expect, it } from 'vitest'
import { sniffVideoType, videoDurationSeconds } from './video-duration'

function box(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length)
  new DataView(out.buffer).setUint32(0, out.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(body, 8)
  return out
}
function concat(...parts: Uint8Array[]): Uint8Array {
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

/** A WebM as MediaRecorder writes it: no Duration, clusters of unknown size with timed blocks. */
function recordedWebm(lastBlockMs: number): Uint8Array {
  const header = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x77])
  const info = Uint8Array.from([0x15, 0x49, 0xa9, 0x66, 0x87, 0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40])
  const cluster = (timecode: number, rel: number) => {
    const tc = Uint8Array.from([0xe7, 0x84, (timecode >>> 24) & 0xff, (timecode >>> 16) & 0xff, (timecode >>> 8) & 0xff, timecode & 0xff])
    const block = Uint8Array.from([0xa3, 0x88, 0x81, (rel >> 8) & 0xff, rel & 0xff, 0x80, 0, 0, 0, 0])
    return concat(Uint8Array.from([0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), tc, block)
  }
  const segment = concat(Uint8Array.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), info, cluster(0, 500), cluster(lastBlockMs - 1000, 1000))
  return concat(header, segment)
}

describe('video duration from container headers', () => {
  it('reads a browser recording without a Duration from its last block', () => {
    expect(videoDurationSeconds(recordedWebm(61_000))).toBeCloseTo(61)
  })
  it('reads an MP4 movie header', () => {
    expect(sniffVideoType(tinyMp4(12.5))).toBe('video/mp4')
    expect(videoDurationSeconds(tinyMp4(12.5))).toBeCloseTo(12.5)
  })
  it('reads a WebM segment duration', () => {
    expect(sniffVideoType(tinyWebm(75))).toBe('video/webm')
    expect(videoDurationSeconds(tinyWebm(75))).toBeCloseTo(75)
  })
  it('says nothing about files that are not video', () => {
    expect(sniffVideoType(new TextEncoder().encode('<html>hello</html>'))).toBeNull()
    expect(videoDurationSeconds(Uint8Array.from([0, 0, 0, 8, 0x66, 0x74, 0x79, 0x70]))).toBeNull()
  })
})
