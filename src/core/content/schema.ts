import { z } from 'zod';
import { isSectionId } from '../sections.js';

/** Ids travel in button values and Discord custom ids (100 chars), hence the cap. */
export const idSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes');

const amount = z.number({ error: 'must be a number' }).finite().nonnegative();

const range = z
  // open_max: the source gives the top as "over" the amount ("to over $300,000").
  .object({ min: amount, max: amount, open_max: z.boolean().optional() })
  .transform(({ open_max, ...r }) => (open_max ? { ...r, openMax: true } : r))
  .refine((r) => r.min <= r.max, { message: 'min exceeds max', path: ['min'] });

const levelRange = z
  .object({ min: amount, max: amount, years: z.string().min(1).optional() })
  .refine((r) => r.min <= r.max, { message: 'min exceeds max', path: ['min'] });

const locationRange = z
  .object({ name: z.string().min(1), min: amount, max: amount })
  .refine((r) => r.min <= r.max, { message: 'min exceeds max', path: ['min'] });

export const salarySchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  region: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  source: z.string().min(1),
  levels: z
    .object({ entry: levelRange.optional(), mid: levelRange.optional(), senior: levelRange.optional() })
    .strict(),
  locations: z.record(idSchema, locationRange).default({}),
  average: range.optional(),
  overall: range.optional(),
  total_compensation: z
    .object({
      average: amount.optional(),
      average_base: amount.optional(),
      top_companies: range.optional(),
      includes: z.array(z.string().min(1)).default([]),
    })
    .strict()
    .optional(),
  factors: z.array(z.string().min(1)).default([]),
  notes: z.array(z.string().min(1)).default([]),
});

export const roleFrontMatterSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1).max(80),
  aliases: z.array(z.string().trim().min(1).max(80)).default([]),
  related: z.array(idSchema).default([]),
  salary: salarySchema.optional(),
});

export const tipSchema = z
  .object({
    id: idSchema,
    roles: z.array(idSchema).min(1),
    skill: z.string().trim().min(1).max(80),
    section: z.string().refine(isSectionId, { message: 'is not a section id' }).optional(),
    text: z.string().trim().min(1).max(400),
  })
  .strict();

export const tipsFileSchema = z.array(tipSchema);
