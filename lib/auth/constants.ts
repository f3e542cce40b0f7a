// Kept apart from password.ts (argon2, server-only) so that forms can import it.
export const PASSWORD_MIN_LENGTH = 12;
