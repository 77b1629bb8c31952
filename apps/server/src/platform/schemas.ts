import { z } from 'zod';

const errorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

export const idParamsSchema = z.object({ id: z.uuid('Неверный идентификатор') });
export const okResponseSchema = z.object({ ok: z.literal(true) });

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  429: errorResponseSchema,
};
