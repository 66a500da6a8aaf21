// Kept apart from commands.ts so the surface (loaded with the platform registry) does not load discord.js.
export const CAREER_COMMAND = 'career';
export const TIPS_COMMAND = 'tips';
