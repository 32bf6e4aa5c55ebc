'use client'

import { useRef, type ReactNode } from 'react'
import { forgetChatOutbox } from '@/components/chat/outbox-store'
import { forgetSavedPages } from '@/lib/pwa/client/saved-pages'
import { clearDraft, saveOutbox } from '../../segnalazioni/nuova/_components/draft-store'

/**
 * Erasing one's data must also empty this phone: a report or chat message still waiting
 * here would otherwise be sent later and bind the device to a new citizen, and a draft may
 * hold a name and a phone number. The push subscription is dropped at the push service
 * too, so nothing more arrives. The server action then erases what the Comune holds.
 */
async function forgetThisDevice(): Promise<void> {
  clearDraft()
  saveOutbox([])
  await Promise.allSettled([
    forgetChatOutbox(),
    forgetSavedPages(),
    (async () => {
      const registration = await navigator.serviceWorker?.getRegistration()
      const subscription = await registration?.pushManager.getSubscription()
      await subscription?.unsubscribe()
    })(),
  ])
}

export function EraseDataForm({ action, className, children }: { action: (formData: FormData) => Promise<void>; className?: string; children: ReactNode }) {
  const cleared = useRef(false)
  return (
    <form
      action={action}
      className={className}
      onSubmit={(event) => {
        const form = event.currentTarget
        // Unconfirmed: the server only says so, nothing is forgotten here either.
        if (cleared.current || !(form.elements.namedItem('confirm') as HTMLInputElement | null)?.checked) return
        event.preventDefault()
        void forgetThisDevice().finally(() => {
          cleared.current = true
          form.requestSubmit()
        })
      }}
    >
      {children}
    </form>
  )
}
