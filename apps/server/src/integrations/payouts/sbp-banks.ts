import type { SbpBank } from './payout-provider.ts';

/**
 * A few real СБП members with their НСПК member ids (`bank_id`) and head-office БИК, for the simulator
 * and the demo. The production list always comes from `GET /v3/sbp_banks`.
 */
export const SIMULATOR_SBP_BANKS: readonly SbpBank[] = [
  { bankId: '100000000111', name: 'Сбербанк', bic: '044525225' },
  { bankId: '100000000004', name: 'Т-Банк', bic: '044525974' },
  { bankId: '110000000005', name: 'Банк ВТБ', bic: '044525187' },
  { bankId: '100000000008', name: 'АЛЬФА-БАНК', bic: '044525593' },
  { bankId: '100000000001', name: 'Газпромбанк', bic: '044525823' },
  { bankId: '100000000007', name: 'Райффайзенбанк', bic: '044525700' },
  { bankId: '100000000013', name: 'Совкомбанк', bic: '043469743' },
  { bankId: '100000000016', name: 'Почта Банк', bic: '044525214' },
  { bankId: '100000000015', name: 'Банк ФК Открытие', bic: '044525985' },
  { bankId: '100000000273', name: 'Озон Банк (Ozon)', bic: '044525068' },
];
