import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, type Interaction } from 'discord.js';

/**
 * Where an interaction happened, as far as answering goes. With the app
 * installable by a person (user install), `/career` also arrives from
 * servers the bot is not in and from DMs and group DMs between people
 * (`context` 2): there a visible answer would speak up in someone else's
 * conversation, so the answer is private, with a Share button where a share
 * can be seen. Only a DM with the bot itself gets a normal message.
 */
export interface InstallContext {
  /** Answer ephemerally (with Share) rather than as a message everyone there sees. */
  privateAnswer: boolean;
  /**
   * A message posted here as the interaction's response is seen by everyone
   * there, so Share can work. The bot never posts a share into the channel
   * itself: where it is not a member (group DMs, servers reached through a
   * person's install) it cannot, and the response needs no membership. But in
   * a server that has not added the app, Discord makes a user-installed app's
   * responses ephemeral unless the member has Use External Apps: a "Shared by"
   * message only the sharer would see.
   */
  canShare: boolean;
}

export function installContext(i: Interaction): InstallContext {
  const context = i.context;
  if (context === InteractionContextType.BotDM) return { privateAnswer: false, canShare: true };
  // Payloads from before contexts existed: a server is private, a DM is with the bot; the bot is in both.
  if (context === null || context === undefined) return { privateAnswer: i.inGuild(), canShare: true };
  if (context !== InteractionContextType.Guild) return { privateAnswer: true, canShare: true };
  const botInServer = i.authorizingIntegrationOwners?.[ApplicationIntegrationType.GuildInstall] !== undefined;
  const externalApps = i.memberPermissions?.has(PermissionFlagsBits.UseExternalApps) ?? false;
  return { privateAnswer: true, canShare: botInServer || externalApps };
}
