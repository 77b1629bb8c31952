import { directoryBankSchema, directoryPartySchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Requisites by ИНН and БИК for forms that fill themselves (clinic self-registration): open before an
 * account exists, so rate-limited per address.
 */
export function directoryRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const lookupFailed = (kind: 'not_found' | 'unavailable', what: string) =>
    kind === 'not_found'
      ? new AppError(
          'NOT_FOUND',
          `${what} не найден в справочнике. Проверьте цифры или заполните поля вручную`,
        )
      : new AppError(
          'UNAVAILABLE',
          'Справочник сейчас не отвечает. Заполните поля вручную или попробуйте через минуту',
        );
  return async (app) => {
    app.get(
      '/api/directory/party/:inn',
      endpoint(
        { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        ['directory'],
        'Организация по ИНН: название, КПП, ОГРН, адрес, руководитель',
        { params: z.object({ inn: z.string().max(20) }), response: { 200: directoryPartySchema } },
      ),
      async (req) => {
        const r = await deps.companyDirectory.findParty(req.params.inn);
        if (r.kind !== 'found') throw lookupFailed(r.kind, 'ИНН');
        return r.party;
      },
    );
    app.get(
      '/api/directory/bank/:bik',
      endpoint(
        { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        ['directory'],
        'Банк по БИК: название и корреспондентский счёт',
        { params: z.object({ bik: z.string().max(20) }), response: { 200: directoryBankSchema } },
      ),
      async (req) => {
        const r = await deps.companyDirectory.findBank(req.params.bik);
        if (r.kind !== 'found') throw lookupFailed(r.kind, 'БИК');
        return r.bank;
      },
    );
  };
}
