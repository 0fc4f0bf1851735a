import { z } from 'zod';

/** specs/greenapi.md §4: the documented `stateInstance` values. */
export const GREENAPI_STATES = ['notAuthorized', 'authorized', 'blocked', 'sleepMode', 'starting', 'yellowCard'] as const;
export type GreenApiKnownState = (typeof GREENAPI_STATES)[number];
/**
 * `creating`: the body was `null`, the instance is still being created (§2.3, 1.3.13).
 * `unknown`: a value the document does not list; `raw` keeps it for display.
 */
export type GreenApiState = GreenApiKnownState | 'creating' | 'unknown';

function stateOf(raw: string | null): { state: GreenApiState; raw: string | null } {
  if (raw === null) return { state: 'creating', raw: null };
  const known = GREENAPI_STATES.find((state) => state === raw);
  return { state: known ?? 'unknown', raw };
}

/** §2.3: `{"stateInstance":"authorized"}`, or the whole body `null` while the instance is being created. */
export const StateInstanceSchema = z
  .union([z.null(), z.object({ stateInstance: z.string().nullable() })])
  .transform((wire) => stateOf(wire === null ? null : wire.stateInstance));
export type GreenApiStateResult = z.output<typeof StateInstanceSchema>;

/** §2.2 */
export const SaveSettingsSchema = z.object({ saveSettings: z.boolean() });
/** §2.5 */
export const RebootSchema = z.object({ isReboot: z.boolean() });
/** §2.6 */
export const LogoutSchema = z.object({ isLogout: z.boolean() });

/** §2.9: `phoneNumber` is an integer in international format without `+` or `00`. */
export const PhoneNumberSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((digits) => /^\d{7,15}$/.test(digits), {
    message: 'phoneNumber must be the full international number in digits only, without +, 00, spaces or dashes (e.g. 441234567890)',
  })
  .transform(Number);

/**
 * §2.9: `{"status": true, "code": "GAPI2018"}`; `status: false` means GREEN-API could not get a code and the call
 * should be repeated.
 */
export const AuthorizationCodeSchema = z
  .object({ status: z.boolean(), code: z.string().nullish() })
  .transform(({ status, code }) => (status && code ? { status: true as const, code } : { status: false as const, code: null }));
export type GreenApiAuthorizationCode = z.output<typeof AuthorizationCodeSchema>;

/** §2.11: avatar, phone and deviceId are empty while notAuthorized, blocked or starting. */
export const WaSettingsSchema = z
  .object({
    avatar: z.string().nullish(),
    phone: z.string().nullish(),
    stateInstance: z.string().nullish(),
    deviceId: z.string().nullish(),
  })
  .transform(({ avatar, phone, stateInstance, deviceId }) => ({
    avatar: avatar || null,
    phone: phone || null,
    deviceId: deviceId || null,
    ...stateOf(stateInstance ?? null),
  }));
export type GreenApiWaSettings = z.output<typeof WaSettingsSchema>;

/** §2.10: `{"reason": null, "urlAvatar": "…", "setProfilePicture": true}`. */
export const ProfilePictureSchema = z.object({
  reason: z.string().nullish(),
  urlAvatar: z.string().nullish(),
  setProfilePicture: z.boolean(),
});
export type GreenApiProfilePicture = z.output<typeof ProfilePictureSchema>;
