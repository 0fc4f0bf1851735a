/**
 * §6.3 / §6.5: the operator of a number, by its longest matching country prefix. Only Georgia (id 81) appears in
 * the docs; the other rows are plausible neighbours so the demo has variety.
 */
export interface OperatorRow {
  id: number;
  name: string;
  brand_name: string;
  country: string;
  slug: string;
}

const BY_PREFIX: [prefix: string, operator: OperatorRow][] = [
  ['995', { id: 81, name: 'Georgia', brand_name: 'Georgia', country: 'Georgia', slug: 'georgia' }],
  ['7', { id: 12, name: 'MTS', brand_name: 'MTS', country: 'Russia', slug: 'mts' }],
  ['77', { id: 44, name: 'Kcell', brand_name: 'Kcell', country: 'Kazakhstan', slug: 'kcell' }],
  ['971', { id: 97, name: 'Etisalat', brand_name: 'e&', country: 'United Arab Emirates', slug: 'etisalat' }],
  ['44', { id: 23, name: 'Vodafone UK', brand_name: 'Vodafone', country: 'United Kingdom', slug: 'vodafone-uk' }],
  ['1', { id: 5, name: 'T-Mobile US', brand_name: 'T-Mobile', country: 'United States', slug: 't-mobile-us' }],
  ['420', { id: 31, name: 'O2 Czech Republic', brand_name: 'O2', country: 'Czech Republic', slug: 'o2-cz' }],
];

export function operatorFor(digits: string): OperatorRow | undefined {
  let best: [string, OperatorRow] | undefined;
  for (const row of BY_PREFIX) if (digits.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  return best?.[1];
}

/**
 * `+<digits>` as the platform shows a number (§6.1: `995598464533` → `+995598464533`). Russian numbers may be
 * written with a leading 8 (legacy text); they become 7. Null when it is not an 11–15 digit number (the MAX example calls 10 digits "invalid format", §4.4).
 */
export function formatPhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-()+]/g, '');
  if (!/^\d{11,15}$/.test(digits)) return null;
  if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
  return `+${digits}`;
}
