/** pg-boss queue (and schedule) of the weekly events digest. */
export const DIGEST_QUEUE = 'weekly-digest'
