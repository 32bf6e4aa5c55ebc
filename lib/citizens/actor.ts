/** A citizen acting from one of their devices. */
export type CitizenActor = { kind: 'citizen'; id: string; locale: 'it' | 'en' }
