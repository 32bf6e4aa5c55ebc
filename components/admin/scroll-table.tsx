'use client'

import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/**
 * A wide table in a box that scrolls sideways, keyboard-reachable (a focusable, named region).
 * On a phone the columns past the edge were simply cut off with nothing to say so: when the
 * table is wider than its box, a line above it says to scroll.
 */
export function ScrollTable({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  const hintId = useId()
  const [overflows, setOverflows] = useState(false)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1)
    check()
    const observer = new ResizeObserver(check)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  return (
    <>
      {overflows ? (
        <p id={hintId} className="mb-1 text-sm font-semibold text-muted">
          Scorri la tabella di lato per vedere tutte le colonne →
        </p>
      ) : null}
      <div ref={box} className={className} tabIndex={0} role="region" aria-label={label} aria-describedby={overflows ? hintId : undefined}>
        {children}
      </div>
    </>
  )
}
