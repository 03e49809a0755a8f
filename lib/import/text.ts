/**
 * A file's bytes to text, decided for the whole file rather than byte by byte: valid
 * UTF-8 (with or without a byte-order mark) is UTF-8; a file with a UTF-16 mark that
 * decodes as UTF-16 is UTF-16; otherwise GB18030 (what Chinese Excel writes CSV in) only
 * when the whole file decodes as GB18030 cleanly and it is not UTF-8 with a few bad
 * bytes. Anything else, and binary files, is one error naming the file and where the
 * first bad byte is, so that no text is silently corrupted (暖气不热 as 鏆栨皵涓嶇儹).
 * Written by hand: the decoders are the platform's; only the decision is ours.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Row (from 1) and column (in bytes, from 1) of a byte offset. */
function position(bytes: Uint8Array, offset: number): string {
  let row = 1, lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      row++;
      lineStart = i + 1;
    }
  }
  return `row ${row}, column ${offset - lineStart + 1} (byte 0x${bytes[offset].toString(16).padStart(2, "0")})`;
}

/** The UTF-8 sequences a file has, valid multi-byte ones and invalid bytes, with the first invalid one. */
function scanUtf8(bytes: Uint8Array): { multiByte: number; invalid: number; firstInvalid: number } {
  let multiByte = 0, invalid = 0, firstInvalid = -1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      multiByte++;
      i += length;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid, firstInvalid };
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const UTF16_MARKS = [[0xff, 0xfe], [0xfe, 0xff]];

/**
 * A file that may be UTF-8 (no workbook, no UTF-16 mark) without its mark, for readers
 * that decode it in parts (ticket_parts.ts); null when only `decodeText` can tell.
 */
export function utf8Body(bytes: Uint8Array): Uint8Array | null {
  if (startsWith(bytes, ZIP) || UTF16_MARKS.some((mark) => startsWith(bytes, mark))) return null;
  return startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
}

/**
 * A part of such a body (whole lines) as text, as `decodeText` would give it; null when
 * the part is not UTF-8 text (a bad sequence, a zero byte), and `decodeText` must decide
 * for the whole file.
 */
export function decodeUtf8Part(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeText(file: string, bytes: Uint8Array): string {
  if (startsWith(bytes, ZIP)) {
    throw new Error(`${file} is a zip archive (a workbook?), not a text file: name it .xlsx if it is one`);
  }
  // UTF-16 text has zero bytes (the high byte of every comma and line break); GB18030 has none.
  if (UTF16_MARKS.some((mark) => startsWith(bytes, mark)) && bytes.indexOf(0, 2) >= 0) {
    const text = decodeUtf16(bytes.subarray(2), bytes[0] === 0xff ? "utf-16le" : "utf-16be");
    if (text !== null && !text.includes("\u0000")) return text;
  }
  // A mark that the rest contradicts (a GB18030 file behind a UTF-8 or UTF-16 mark) is dropped, not decoded.
  const body = startsWith(bytes, UTF8_BOM)
    ? bytes.subarray(3)
    : UTF16_MARKS.some((mark) => startsWith(bytes, mark))
    ? bytes.subarray(2)
    : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) throw new Error(`${file} is not a text file: a binary zero byte at ${position(body, nul)}`);
  // The platform's strict decoder answers "valid UTF-8?" many times faster than scanUtf8; the scan runs only when not.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // not UTF-8: decide below
  }
  const utf8 = scanUtf8(body);
  // GB18030 text seldom forms valid UTF-8 sequences; a file full of them is UTF-8 with bad bytes.
  if (utf8.multiByte <= utf8.invalid) {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(body);
    } catch {
      // neither: fall through to the error
    }
  }
  throw new Error(
    `${file} is neither UTF-8 nor GB18030 text: the first byte that is not UTF-8 is at ${
      position(body, utf8.firstInvalid)
    }; save the file as UTF-8 and import it again`,
  );
}
