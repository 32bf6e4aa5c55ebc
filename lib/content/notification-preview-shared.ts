/**
 * How a news or event notification looks on a locked phone: the system shows about one line
 * of title and two of text, then cuts. The editor previews that, so the first words count.
 */
export const PHONE_TITLE_CHARS = 50
export const PHONE_BODY_CHARS = 120

/** Cuts on a word boundary when one is near, by characters (not UTF-16 units), with "…". */
export function cutForPhone(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('')
  const head = chars.slice(0, max - 1).join('')
  const lastSpace = head.lastIndexOf(' ')
  const cut = lastSpace >= max * 0.6 ? head.slice(0, lastSpace) : head
  return `${cut.replace(/[\s,.;:–-]+$/u, '')}…`
}

/** The notification's title and text as a phone shows them. */
export function phonePreview(item: { title: string; summary: string }): {
  title: string
  body: string
} {
  return {
    title: cutForPhone(item.title, PHONE_TITLE_CHARS),
    body: cutForPhone(item.summary, PHONE_BODY_CHARS),
  }
}

/** "1 dispositivo", "3 dispositivi": Italian plural for the audience line. */
export function audienceSentence(counts: { citizens: number; devices: number }): {
  devices: string
  inbox: string
} {
  return {
    devices: `Raggiungerà ${counts.devices} ${counts.devices === 1 ? 'dispositivo' : 'dispositivi'}.`,
    inbox:
      counts.citizens === 1
        ? '1 cittadino la troverà nei suoi messaggi.'
        : `${counts.citizens} cittadini la troveranno nei loro messaggi.`,
  }
}
