/**
 * Every masking rule of the register in one place (PIPL art. 28, 51, 55): what a viewer
 * without the right to read a personal field in full sees instead. Whether a read is
 * masked is decided in `privacy.ts`; how it is masked, here.
 */

/**
 * Masks a document number, showing at most a sixth of it at each end: an ID card keeps
 * three characters each side (510************02X), an 8-digit permit one (1******8).
 */
export function maskDocumentNumber(idNumber: string): string {
  const shown = Math.min(3, Math.max(1, Math.floor(idNumber.length / 6)));
  if (idNumber.length <= shown * 2) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, shown)}${'*'.repeat(idNumber.length - shown * 2)}${idNumber.slice(-shown)}`;
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

/** 1949-**-**: the year stays (age and birth year are served anyway), the day goes. */
export function maskBirthDate(birthDate: string): string {
  return `${birthDate.slice(0, 4)}-**-**`;
}

/**
 * A name for viewers who may count people but not know them (ANALYST): the first and
 * last characters stay, the ones between are starred (张*明, 欧**娜); a two-character
 * name keeps its first (张*).
 */
export function maskName(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}
