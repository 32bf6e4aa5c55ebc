import { spawnSync } from 'node:child_process'

/** An element of a parsed XML document (tests only: Open311 and similar machine formats). */
export type XmlElement = { tag: string; attributes: Record<string, string>; children: XmlElement[]; text: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`bare & at ${at}`)
    if (name in ENTITIES) return ENTITIES[name]!
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1]
    if (code === undefined) throw new Error(`unknown entity &${name}; at ${at}`)
    return String.fromCodePoint(parseInt(code, name.startsWith('#x') ? 16 : 10))
  })
}

/**
 * A strict, small XML parser: one root element, matched tags, known entities, nothing after
 * the root. Throws on anything malformed. No DTDs, no namespaces (Open311 is schemaless).
 */
export function parseXml(xml: string): XmlElement {
  let i = 0
  const fail = (why: string): never => {
    throw new Error(`malformed XML: ${why} at ${i}: ${JSON.stringify(xml.slice(Math.max(0, i - 30), i + 30))}`)
  }
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++
  }
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>')
    if (end < 0) fail('unterminated declaration')
    i = end + 2
  }
  skipSpace()
  const name = () => {
    const match = /^[A-Za-z_][\w.-]*/.exec(xml.slice(i))
    if (!match) fail('expected a name')
    i += match![0].length
    return match![0]
  }
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <')
    i++
    const tag = name()
    const attributes: Record<string, string> = {}
    for (;;) {
      skipSpace()
      if (xml.startsWith('/>', i)) {
        i += 2
        return { tag, attributes, children: [], text: '' }
      }
      if (xml[i] === '>') {
        i++
        break
      }
      const attr = name()
      skipSpace()
      if (xml[i] !== '=') fail('expected =')
      i++
      skipSpace()
      const quote = xml[i]
      if (quote !== '"' && quote !== "'") fail('expected a quote')
      const end = xml.indexOf(quote!, i + 1)
      if (end < 0) fail('unterminated attribute')
      attributes[attr] = decode(xml.slice(i + 1, end), i)
      i = end + 1
    }
    const children: XmlElement[] = []
    let text = ''
    for (;;) {
      if (i >= xml.length) fail(`unclosed <${tag}>`)
      if (xml.startsWith('</', i)) {
        i += 2
        const closing = name()
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`)
        skipSpace()
        if (xml[i] !== '>') fail('expected >')
        i++
        return { tag, attributes, children, text }
      }
      if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i)
        if (end < 0) fail('unterminated CDATA')
        text += xml.slice(i + 9, end)
        i = end + 3
      } else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i)
        if (end < 0) fail('unterminated comment')
        i = end + 3
      } else if (xml[i] === '<') {
        children.push(element())
      } else {
        const next = xml.indexOf('<', i)
        const raw = xml.slice(i, next < 0 ? xml.length : next)
        if (raw.includes('>') && raw.includes(']]>')) fail(']]> in text')
        text += decode(raw, i)
        i += raw.length
      }
    }
  }
  const root = element()
  skipSpace()
  if (i !== xml.length) fail('content after the root element')
  return root
}

export function child(element: XmlElement, tag: string): XmlElement {
  const found = element.children.find((c) => c.tag === tag)
  if (!found) throw new Error(`<${element.tag}> has no <${tag}>; it has ${element.children.map((c) => c.tag).join(', ')}`)
  return found
}

export function childText(element: XmlElement, tag: string): string {
  return child(element, tag).text
}

/** True when xmllint (libxml2, a test dependency already) also finds the document well-formed. */
export function xmllintWellFormed(xml: string): { ok: boolean; message: string } {
  const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' })
  if (result.error) throw new Error('xmllint is not available: apt-get install libxml2-utils')
  return { ok: result.status === 0, message: result.stderr }
}
