// Stands in for the 'server-only' marker package when vitest runs server code.
export {}
