import type { DocumentRole, Side } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';

/** The service's staff act for the service; everyone else who reaches a cabinet acts for the clinic. */
export const sideOf = (actor: Actor): Side => (actor.user?.roles.includes('admin') ? 'service' : 'clinic');

/** In the exchange of one document the actor is its sender or the counterpart who answers it. */
export const roleOf = (actor: Actor, senderSide: Side): DocumentRole =>
  senderSide === sideOf(actor) ? 'sender' : 'recipient';
