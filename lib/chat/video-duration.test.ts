import { describe, expect, it } from 'vitest'
import { sniffVideoType, videoDurationSeconds } from './video-duration'
import { concat, tinyMp4, tinyWebm } from './video-fixtures'

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
