/** The alert level in colour and in words together: colour alone would fail colour-blind readers. */
const styles: Record<string, string> = {
  verde: 'bg-success text-white',
  gialla: 'bg-[#ffd23f] text-ink border-2 border-ink',
  arancione: 'bg-[#e86a00] text-ink border-2 border-ink',
  rossa: 'bg-danger text-white',
}

export function LevelBadge({ level, label, large = false }: { level: string; label: string; large?: boolean }) {
  return (
    <span className={`inline-block rounded-md font-bold uppercase tracking-wide ${large ? 'px-4 py-2 text-xl' : 'px-3 py-1'} ${styles[level] ?? 'bg-ink text-white'}`}>
      {label}
    </span>
  )
}

export function levelBorder(level: string): string {
  return { verde: 'border-success', gialla: 'border-[#b38f00]', arancione: 'border-[#e86a00]', rossa: 'border-danger' }[level] ?? 'border-ink'
}
