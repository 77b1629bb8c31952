import { z } from 'zod';

// Every schema message that we do not write ourselves still reaches people in Russian.
z.config(z.locales.ru());
