// The versioned outbox payloads of this domain's commands, and the payload fields a bridge's write
// statements may bind (spread into commands.ts and legacy-commands.ts).
export const applicationCommandPayloads = {} as const;
export const applicationLegacyFields = {} as const;
