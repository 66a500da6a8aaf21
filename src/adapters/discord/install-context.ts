import { ApplicationIntegrationType, InteractionContextType, type Interaction } from 'discord.js';

/**
 * Where an interaction happened, as far as answering goes. With the app
 * installable by a person (user install), `/career` also arrives from
 * servers the bot is not in and from DMs and group DMs between people
 * (`context` 2): there a visible answer would speak up in someone else's
 * conversation, so the answer is private, with a Share button. Only a DM with
 * the bot itself gets a normal message.
 */
export interface InstallContext {
  /** Answer ephemerally (with Share) rather than as a message everyone there sees. */
  privateAnswer: boolean;
  /** The bot is installed where this happened (a server install, or a DM with the bot). */
  botIsMember: boolean;
}

export function installContext(i: Interaction): InstallContext {
  const context = i.context;
  const ownedByGuild = i.authorizingIntegrationOwners?.[ApplicationIntegrationType.GuildInstall] !== undefined;
  if (context === InteractionContextType.BotDM) return { privateAnswer: false, botIsMember: true };
  // Payloads from before contexts existed: a server is private, a DM is with the bot.
  if (context === null || context === undefined) return { privateAnswer: i.inGuild(), botIsMember: true };
  return { privateAnswer: true, botIsMember: context === InteractionContextType.Guild && ownedByGuild };
}
