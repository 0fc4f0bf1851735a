/**
 * Spec §6.6: what `POST /api/v1/send_file` accepts. Checked in main before any byte is uploaded, so an operator
 * learns about a wrong file at once instead of after a 100 MB upload.
 */

/** §6.6 "Maximum size is 100 MB" (read as MiB, the larger reading: the platform is the final judge). */
export const SEND_FILE_MAX_BYTES = 100 * 1024 * 1024;

/**
 * §6.6 allow-list. ⚠ The source truncates the PowerPoint type to `…presentationml.presentatio`; both spellings are
 * accepted. Media types compare case-insensitively (RFC 9110 §8.3.1), so `audio/AMR` matches `audio/amr`.
 */
export const SEND_FILE_MIME_TYPES: readonly string[] = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.presentatio',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
  'application/x-7z-compressed',
  'audio/ogg',
  'audio/opus',
  'audio/mpeg',
  'audio/mpeg3',
  'audio/x-mpeg-3',
  'audio/AMR',
  'audio/aac',
  'audio/x-hx-aac-adts',
  'audio/AMR-WB',
  'audio/AMR-WB+',
  'audio/3gpp',
  'audio/3gpp2',
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'text/x-vcard',
];

const ALLOWED = new Set(SEND_FILE_MIME_TYPES.map((type) => type.toLowerCase()));

/** True when the media type (parameters such as `; charset=` ignored) is on the allow-list. */
export function isAllowedSendFileMime(mimeType: string): boolean {
  return ALLOWED.has(mimeType.split(';')[0]!.trim().toLowerCase());
}

/** Extensions of the allowed types, plus a few common refused ones so a refusal can name the type. */
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  '7z': 'application/x-7z-compressed',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/opus',
  mp3: 'audio/mpeg',
  amr: 'audio/AMR',
  aac: 'audio/aac',
  '3gp': 'audio/3gpp',
  '3g2': 'audio/3gpp2',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  vcf: 'text/x-vcard',
  vcard: 'text/x-vcard',
  gif: 'image/gif',
  bmp: 'image/bmp',
  heic: 'image/heic',
  mov: 'video/quicktime',
  wav: 'audio/wav',
  txt: 'text/plain',
  csv: 'text/csv',
};

/** The media type for a file name's extension (§6.6: `file_name` must include one), or undefined. */
export function mimeFromFileName(fileName: string): string | undefined {
  const match = /\.([^./\\]+)$/.exec(fileName);
  return match ? BY_EXTENSION[match[1]!.toLowerCase()] : undefined;
}
