'use client'

import { useState } from 'react'
import { signOut } from 'next-auth/react'

export function SignOutButton() {
  const [pending, setPending] = useState(false)
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true)
        await signOut({ callbackUrl: '/admin/accedi?uscito=1' })
      }}
      className="inline-flex min-h-11 items-center rounded border-2 border-white px-4 font-semibold text-white hover:bg-white hover:text-primary"
    >
      Esci
    </button>
  )
}
