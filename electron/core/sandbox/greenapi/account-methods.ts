import { GREENAPI_SETTING_SWITCHES, SEND_DELAY_MAX_MS, SEND_DELAY_MIN_MS } from '../../../../shared/instance-settings';
import { STALE_AUTH_MESSAGE } from '../../providers/greenapi/qr-schemas';
import { QrImages } from './qr-images';
import { LINKED_STATES, readJson, type MethodSpec } from './method-table';
import { parseMultipart } from './multipart';
import { GENERIC_VALIDATION, validateBody, type BodyRules, type FieldRule } from './validation';
import type { GreenApiStateValue } from './world';

const ALREADY_LOGGED = { type: 'alreadyLogged', message: 'instance account already authorized' };
const YES_NO = { type: 'string', oneOf: ['yes', 'no'] } as const satisfies FieldRule;

/**
 * §2.2 setSettings: the table's keys, the example spelling `markIncomingMessagesRead(OnReply)` too (§13.1), and the
 * "Not used" keys (accepted and stored). No key is required, but the body must not be empty.
 */
const SETTINGS_RULES: BodyRules = {
  ...Object.fromEntries(GREENAPI_SETTING_SWITCHES.map((key) => [key, YES_NO])),
  markIncomingMessagesRead: YES_NO,
  markIncomingMessagesReadOnReply: YES_NO,
  webhookUrl: { type: 'string' },
  webhookUrlToken: { type: 'string' },
  delaySendMessagesMilliseconds: { type: 'integer', min: SEND_DELAY_MIN_MS, max: SEND_DELAY_MAX_MS },
  sharedSession: { type: 'string' },
  countryInstance: { type: 'string' },
  statusInstanceWebhook: { type: 'string' },
  enableMessagesHistory: { type: 'string' },
};

/** §2.9: "Wrong format. 'phoneNumber' must contain only digits". */
const PHONE_DIGITS = "Validation failed. Details: Wrong format. 'phoneNumber' must contain only digits";

/** §2.10: WhatsApp allows one profile picture change per 10 s. */
const PROFILE_PICTURE_INTERVAL_MS = 10_000;

export const accountMethods: Record<string, MethodSpec> = {
  // §2.3: the body is `null` while the instance is being created.
  getStateInstance: {
    verb: 'GET',
    needs: 'any',
    handle: ({ wire, instance }) => wire.jsonResponse(200, instance.state === null ? null : { stateInstance: instance.state }),
  },

  getSettings: {
    verb: 'GET',
    needs: 'created',
    handle: ({ engine, wire, instance }) => {
      const { markIncomingMessagesReaded, markIncomingMessagesReadedOnReply, ...rest } = instance.settings;
      // §13.1 / §14.5: a mode that answers with the example's spelling, to exercise tolerant clients.
      const spelled =
        engine.world.settingsSpelling === 'example'
          ? { ...rest, markIncomingMessagesRead: markIncomingMessagesReaded, markIncomingMessagesReadOnReply: markIncomingMessagesReadedOnReply }
          : instance.settings;
      return wire.jsonResponse(200, spelled);
    },
  },

  setSettings: {
    verb: 'POST',
    needs: 'created',
    handle: (context) => {
      const { engine, wire, instance } = context;
      const body = readJson(context);
      if ('response' in body) return body.response;
      if (body.value && typeof body.value === 'object' && Object.keys(body.value).length === 0) return wire.message(400, GENERIC_VALIDATION);
      const problem = validateBody(body.value, SETTINGS_RULES);
      if (problem) return wire.message(400, problem);
      const { markIncomingMessagesRead, markIncomingMessagesReadOnReply, ...patch } = body.value as Record<string, string | number>;
      if (markIncomingMessagesRead !== undefined) patch.markIncomingMessagesReaded ??= markIncomingMessagesRead;
      if (markIncomingMessagesReadOnReply !== undefined) patch.markIncomingMessagesReadedOnReply ??= markIncomingMessagesReadOnReply;
      // §2.2: "calling this method restarts the instance"; the values apply later.
      engine.restart(instance, engine.world.timings.restartMs);
      engine.applySettings(instance, patch);
      return wire.jsonResponse(200, { saveSettings: true });
    },
  },

  reboot: {
    verb: 'GET',
    needs: 'created',
    handle: ({ engine, wire, instance }) => {
      // §4: a reboot is the documented way out of yellowCard and of a `starting` that lasts.
      engine.restart(instance, engine.world.timings.rebootMs, (resume): GreenApiStateValue => {
        if (resume === 'yellowCard') return 'authorized';
        if (resume === 'starting') return instance.phone ? 'authorized' : 'notAuthorized';
        return resume;
      });
      return wire.jsonResponse(200, { isReboot: true });
    },
  },

  logout: {
    verb: 'GET',
    needs: 'created',
    handle: ({ engine, wire, instance }) => {
      engine.logout(instance);
      return wire.jsonResponse(200, { isLogout: true });
    },
  },

  qr: {
    verb: 'GET',
    needs: 'idle',
    handle: async ({ engine, wire, instance }) => {
      if (instance.state && LINKED_STATES.has(instance.state)) return wire.jsonResponse(200, ALREADY_LOGGED);
      if (instance.staleAuth) return wire.jsonResponse(200, { type: 'error', message: STALE_AUTH_MESSAGE });
      const runtime = engine.runtime(instance);
      const index = QrImages.index(engine.now(), runtime.qrEpoch, engine.world.timings.qrRefreshMs);
      return wire.jsonResponse(200, { type: 'qrCode', message: await runtime.qr.image(instance.idInstance, runtime.qrEpoch, index) });
    },
  },

  getAuthorizationCode: {
    verb: 'POST',
    needs: 'idle',
    handle: async (context) => {
      const { engine, wire, instance } = context;
      const body = readJson(context);
      if ('response' in body) return body.response;
      const record = body.value && typeof body.value === 'object' ? (body.value as Record<string, unknown>) : undefined;
      if (!record || record.phoneNumber === undefined) return wire.message(400, GENERIC_VALIDATION);
      const phone = String(record.phoneNumber);
      if (!(typeof record.phoneNumber === 'number' || typeof record.phoneNumber === 'string') || !/^\d+$/.test(phone)) {
        return wire.message(400, PHONE_DIGITS);
      }
      const { timings } = engine.world;
      // §2.9: "getting the code can take up to 30 seconds".
      if (timings.pairingCodeDelayMs > 0 && !(await engine.agenda.until(engine.now() + timings.pairingCodeDelayMs))) {
        return wire.message(502, 'Bad Gateway');
      }
      const runtime = engine.runtime(instance);
      if ((instance.state && LINKED_STATES.has(instance.state)) || runtime.failNextPairingCode) {
        runtime.failNextPairingCode = false;
        return wire.jsonResponse(200, { status: false, code: '' });
      }
      const code = engine.prng.chars(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789');
      runtime.pairing = { code, phone, expiresAt: engine.now() + timings.pairingCodeTtlMs };
      return wire.jsonResponse(200, { status: true, code });
    },
  },

  getWaSettings: {
    verb: 'GET',
    needs: 'created',
    handle: ({ wire, instance }) => {
      // §2.11: avatar, phone and deviceId are empty unless an account is linked.
      const linked = instance.state !== null && LINKED_STATES.has(instance.state) && instance.phone !== '';
      return wire.jsonResponse(200, {
        avatar: linked ? instance.avatar : '',
        phone: linked ? instance.phone : '',
        stateInstance: instance.state,
        deviceId: linked ? `${instance.phone}:26@s.whatsapp.net` : '',
      });
    },
  },

  setProfilePicture: {
    verb: 'POST',
    needs: 'linked',
    handle: ({ engine, wire, instance, req }) => {
      const file = parseMultipart(req.headers, req.body)?.find((part) => part.name === 'file');
      if (!file || file.content.length === 0) return wire.message(400, 'File is empty');
      const jpeg = /^image\/jpe?g$/i.test(file.contentType ?? '') || /\.jpe?g$/i.test(file.filename ?? '');
      if (!jpeg) return wire.message(400, 'Unsupported media type');
      const runtime = engine.runtime(instance);
      const now = engine.now();
      const last = runtime.profilePictureAt;
      runtime.profilePictureAt = now;
      if (last !== undefined && now - last < PROFILE_PICTURE_INTERVAL_MS) {
        // §2.10: HTTP 200 `rate-overlimit`, WhatsApp's own limit.
        return wire.jsonResponse(200, { reason: 'rate-overlimit', urlAvatar: '', setProfilePicture: false });
      }
      instance.avatar = `https://pps.whatsapp.net/v/t61.24694-24/${engine.newId(16).toLowerCase()}_n.jpg?ccb=11-4`;
      return wire.jsonResponse(200, { reason: null, urlAvatar: instance.avatar, setProfilePicture: true });
    },
  },
};
