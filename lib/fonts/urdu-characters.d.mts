/** The characters the cut Urdu web font keeps (lib/fonts/urdu-characters.mjs). */
export const URDU_CHARACTERS: string;
