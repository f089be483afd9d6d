/**
 * Masks a document number, showing at most a sixth of it at each end: an ID card keeps
 * three characters each side (510************02X), an 8-digit permit one (1******8).
 */
export function maskDocumentNumber(idNumber: string): string {
  const shown = Math.min(3, Math.max(1, Math.floor(idNumber.length / 6)));
  if (idNumber.length <= shown * 2) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, shown)}${'*'.repeat(idNumber.length - shown * 2)}${idNumber.slice(-shown)}`;
}

/** 1949-**-**: the year stays (age and birth year are served anyway), the day goes. */
export function maskBirthDate(birthDate: string): string {
  return `${birthDate.slice(0, 4)}-**-**`;
}
